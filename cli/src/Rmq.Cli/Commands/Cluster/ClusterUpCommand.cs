using System.CommandLine;
using Rmq.Cli.LocalCluster;
using Rmq.Configuration;

namespace Rmq.Cli.Commands.Cluster;

/// <summary>
/// <c>rmq cluster up [mode | --conf DIR] [--data DIR]</c>: starts a name server and every broker of the
/// set as child processes, waits until the name server lists them all, prints the table, and runs until
/// Ctrl+C, SIGTERM or `rmq cluster down`, then stops every process it started.
/// </summary>
internal sealed class ClusterUpCommand : Command
{
    private readonly CliConsole _console;

    private readonly Argument<string?> _mode = new("mode")
    {
        Description = "single, 2m-noslave, 2m-2s-async or 2m-2s-sync",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _conf = new("--conf")
    {
        Description = "Use the broker config files of this folder instead of a mode's generated set",
    };

    private readonly Option<string?> _data = new("--data")
    {
        Description = "Folder for configs, stores and logs [default: ~/.rmq/clusters/<mode>]",
    };

    private readonly Option<int> _namesrvPort = new("--namesrv-port")
    {
        Description = "Name server port",
        DefaultValueFactory = _ => 9876,
    };

    private readonly Option<int> _basePort = new("--base-port")
    {
        Description = "First broker's listenPort; the next ones are 10 apart",
        DefaultValueFactory = _ => LocalClusterPlanner.DefaultBasePort,
    };

    private readonly Option<int> _timeout = new("--timeout")
    {
        Description = "Seconds to wait for every broker to register",
        DefaultValueFactory = _ => 60,
    };

    public ClusterUpCommand(CliConsole console)
        : base("up", "Start a local cluster and keep it running until Ctrl+C or `rmq cluster down`")
    {
        _console = console;
        Arguments.Add(_mode);
        Options.Add(_conf);
        Options.Add(_data);
        Options.Add(_namesrvPort);
        Options.Add(_basePort);
        Options.Add(_timeout);
        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var modeName = parse.GetValue(_mode);
        var conf = parse.GetValue(_conf);
        if (modeName is not null && conf is not null)
        {
            await _console.Error.WriteLineAsync("give a mode or --conf, not both").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        modeName ??= conf is null ? "single" : null;
        var mode = DeploymentMode.Single;
        if (modeName is not null && !DeploymentModes.TryParse(modeName, out mode))
        {
            await _console.Error.WriteLineAsync($"unknown mode '{modeName}'; use one of {string.Join(", ", DeploymentModes.Names)}").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        if (conf is not null && !Directory.Exists(conf))
        {
            await _console.Error.WriteLineAsync($"no such folder: {conf}").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var dataDir = Path.GetFullPath(parse.GetValue(_data) ?? ClusterCommand.DefaultDataDir(modeName ?? Path.GetFileName(Path.GetFullPath(conf!).TrimEnd('/'))));
        if (ClusterState.Load(Path.Combine(dataDir, "cluster.json")) is { } running && PosixSignal.IsAlive(running.SupervisorPid))
        {
            await _console.Error.WriteLineAsync($"a cluster already runs from {dataDir} (pid {running.SupervisorPid}); stop it with `rmq cluster down --data {dataDir}`").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var plan = conf is null
            ? LocalClusterPlanner.FromMode(mode, dataDir, parse.GetValue(_namesrvPort), parse.GetValue(_basePort))
            : LocalClusterPlanner.FromConfFolder(conf, dataDir, parse.GetValue(_namesrvPort), parse.GetValue(_basePort));

        await using var runner = new LocalClusterRunner(plan, _console.Out);
        try
        {
            var members = await runner.StartAsync(TimeSpan.FromSeconds(parse.GetValue(_timeout)), cancellationToken).ConfigureAwait(false);
            await _console.Out.WriteAsync(ClusterTable.Render(plan.NamesrvAddress, members)).ConfigureAwait(false);
            await _console.Out.WriteLineAsync($"cluster up; data and logs in {dataDir}. Ctrl+C or `rmq cluster down --data {dataDir}` stops it.").ConfigureAwait(false);
            var exited = await runner.WaitForAnyExitAsync(cancellationToken).ConfigureAwait(false);
            await _console.Error.WriteLineAsync($"{exited} exited on its own; stopping the cluster (see {plan.LogDir})").ConfigureAwait(false);
            return ExitCodes.ServerError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _console.Out.WriteLineAsync("stopping the cluster").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await _console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.ServerError;
        }
    }
}
