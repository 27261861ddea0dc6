using System.CommandLine;
using Rmq.Cli.Hosting;
using Rmq.Configuration;
using Rmq.NameServer;
using Rmq.NameServer.Config;

namespace Rmq.Cli.Commands.NameServer;

/// <summary>
/// <c>rmq namesrv [-c FILE] [-p]</c>: runs a name server like <c>mqnamesrv</c>, until SIGTERM or Ctrl+C.
/// </summary>
internal sealed class NameServerCommand : Command
{
    private readonly CliConsole _console;

    private readonly Option<string?> _configFile = new("--configFile", "-c")
    {
        Description = "Name server config file (java.util.Properties: listenPort, kvConfigPath, orderMessageEnable, ...)",
    };

    private readonly Option<bool> _printConfig = new("--printConfigItem", "-p")
    {
        Description = "Print every config item and exit",
    };

    private readonly Option<string> _bind = new("--bind")
    {
        Description = "Address to listen on (rmq extension; mqnamesrv always listens on all addresses)",
        DefaultValueFactory = _ => "0.0.0.0",
    };

    public NameServerCommand(CliConsole console)
        : base("namesrv", "Run a RocketMQ 4.x name server (mqnamesrv)")
    {
        _console = console;
        Options.Add(_configFile);
        Options.Add(_printConfig);
        Options.Add(_bind);
        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var config = await ConfigLoading.BindOrReportAsync(parse.GetValue(_configFile), NamesrvConfigKeys.Table, null, _console.Error)
            .ConfigureAwait(false);
        if (config is null)
        {
            return ExitCodes.BadArguments;
        }

        if (parse.GetValue(_printConfig))
        {
            await ConfigLoading.PrintAsync(config, _console.Out).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var options = NameServerOptionsBinder.FromConfig(config);
        await using var logger = ServerLogging.Create("namesrv");
        foreach (var warning in config.Warnings)
        {
            logger.Warning("Config: {Problem}", warning.ToString());
        }

        await using var host = new NameServerHost(options, parse.GetValue(_bind)!, logger);
        try
        {
            var endPoint = await host.StartAsync(cancellationToken).ConfigureAwait(false);
            await _console.Out.WriteLineAsync($"The Name Server boot success. serializeType=JSON, listening on {endPoint}").ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.Information("Shutdown requested");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            logger.Fatal(e, "Cannot listen on port {Port}", options.ListenPort);
            await _console.Error.WriteLineAsync($"cannot listen on port {options.ListenPort}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }

        return ExitCodes.Success;
    }
}
