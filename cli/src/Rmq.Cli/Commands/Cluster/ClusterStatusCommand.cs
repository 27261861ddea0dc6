using System.CommandLine;
using System.Text.Json;
using Rmq.Cli.LocalCluster;
using Rmq.Remoting.Transport;

namespace Rmq.Cli.Commands.Cluster;

/// <summary><c>rmq cluster status [-n ADDR] [--output json]</c>: the cluster table, from the name server.</summary>
internal sealed class ClusterStatusCommand : Command
{
    private readonly CliConsole _console;

    private readonly Option<string?> _namesrv = new("--namesrvAddr", "-n")
    {
        Description = "Name server address [default: NAMESRV_ADDR, else 127.0.0.1:9876]",
    };

    private readonly Option<string> _output = new("--output")
    {
        Description = "table or json",
        DefaultValueFactory = _ => "table",
    };

    public ClusterStatusCommand(CliConsole console)
        : base("status", "Show every broker the name server lists: role, name, id, address, HA address")
    {
        _console = console;
        Options.Add(_namesrv);
        Options.Add(_output);
        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var address = (parse.GetValue(_namesrv) ?? Environment.GetEnvironmentVariable("NAMESRV_ADDR") ?? "127.0.0.1:9876").Split(';')[0];
        await using var client = new RemotingClient(new RemotingClientOptions());
        try
        {
            var members = await ClusterInspector.ReadAsync(client, address, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(_output) == "json")
            {
                await _console.Out.WriteLineAsync(JsonSerializer.Serialize(members, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })).ConfigureAwait(false);
            }
            else
            {
                await _console.Out.WriteAsync(ClusterTable.Render(address, members)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }
        catch (RemotingException e)
        {
            await _console.Error.WriteLineAsync($"cannot reach the name server {address}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }
    }
}
