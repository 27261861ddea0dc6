using System.CommandLine;
using Rmq.Cli.LocalCluster;

namespace Rmq.Cli.Commands.Cluster;

/// <summary><c>rmq cluster down [mode] [--data DIR]</c>: asks the running `rmq cluster up` to stop everything it started.</summary>
internal sealed class ClusterDownCommand : Command
{
    private readonly CliConsole _console;

    private readonly Argument<string?> _mode = new("mode")
    {
        Description = "The mode given to `rmq cluster up` (to find its default data folder)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _data = new("--data")
    {
        Description = "The data folder given to `rmq cluster up`",
    };

    public ClusterDownCommand(CliConsole console)
        : base("down", "Stop a local cluster started by `rmq cluster up`")
    {
        _console = console;
        Arguments.Add(_mode);
        Options.Add(_data);
        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var dataDir = Path.GetFullPath(parse.GetValue(_data) ?? ClusterCommand.DefaultDataDir(parse.GetValue(_mode) ?? "single"));
        var state = ClusterState.Load(Path.Combine(dataDir, "cluster.json"));
        if (state is null || !PosixSignal.IsAlive(state.SupervisorPid))
        {
            await _console.Error.WriteLineAsync($"no running cluster in {dataDir}").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        PosixSignal.Send(state.SupervisorPid, PosixSignal.SigTerm);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (PosixSignal.IsAlive(state.SupervisorPid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        if (PosixSignal.IsAlive(state.SupervisorPid))
        {
            await _console.Error.WriteLineAsync($"`rmq cluster up` (pid {state.SupervisorPid}) is still stopping").ConfigureAwait(false);
            return ExitCodes.TimedOut;
        }

        await _console.Out.WriteLineAsync($"cluster in {dataDir} stopped").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
