using System.Diagnostics;
using System.Globalization;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.Cli.LocalCluster;

/// <summary>
/// Runs a <see cref="LocalClusterPlan"/>: the name server, then every broker (masters first) as child
/// processes, waits until the name server lists every broker, and stops them all by PID: SIGTERM,
/// slaves before masters, then the name server; anything still alive after the grace period is killed.
/// </summary>
public sealed class LocalClusterRunner : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);
    private readonly LocalClusterPlan _plan;
    private readonly TextWriter _progress;
    private readonly RemotingClient _client = new(new RemotingClientOptions());
    private readonly List<(LocalBrokerSpec Spec, Process Process)> _brokers = [];
    private Process? _namesrv;

    public LocalClusterRunner(LocalClusterPlan plan, TextWriter progress)
    {
        _plan = plan;
        _progress = progress;
    }

    public async Task<IReadOnlyList<ClusterMember>> StartAsync(TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_plan.DataDir);
        var namesrvDir = Path.Combine(_plan.DataDir, "namesrv");
        Directory.CreateDirectory(namesrvDir);
        var namesrvConfig = Path.Combine(_plan.DataDir, "conf", "namesrv.properties");
        Directory.CreateDirectory(Path.GetDirectoryName(namesrvConfig)!);
        await File.WriteAllTextAsync(namesrvConfig, string.Join('\n',
            "listenPort=" + _plan.NamesrvPort.ToString(CultureInfo.InvariantCulture),
            "kvConfigPath=" + Path.Combine(namesrvDir, "kvConfig.json"),
            "configStorePath=" + Path.Combine(namesrvDir, "namesrv.properties"),
            string.Empty), cancellationToken).ConfigureAwait(false);

        await _progress.WriteLineAsync($"starting name server on {_plan.NamesrvAddress}").ConfigureAwait(false);
        _namesrv = RmqLauncher.Start(["namesrv", "-c", namesrvConfig, "--bind", "127.0.0.1"], _plan.LogDir, Path.Combine(_plan.LogDir, "namesrv.out"));
        await WaitUntilAsync(
            async () => (await _client.InvokeAsync(_plan.NamesrvAddress, RemotingCommand.CreateRequest(RequestCode.GetAllTopicListFromNameServer), TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false)).Code == ResponseCode.Success,
            readyTimeout, "the name server", cancellationToken).ConfigureAwait(false);

        foreach (var broker in _plan.Brokers)
        {
            await _progress.WriteLineAsync($"starting {broker.Label} ({broker.Role}, {broker.BrokerName} id {broker.BrokerId}) on {broker.Address}").ConfigureAwait(false);
            var process = RmqLauncher.Start(
                ["broker", "-c", broker.ConfigPath, "-n", _plan.NamesrvAddress, "--bind", "127.0.0.1"],
                _plan.LogDir,
                Path.Combine(_plan.LogDir, broker.Label + ".out"));
            _brokers.Add((broker, process));
        }

        IReadOnlyList<ClusterMember> members = [];
        await WaitUntilAsync(
            async () =>
            {
                members = await ClusterInspector.ReadAsync(_client, _plan.NamesrvAddress, cancellationToken).ConfigureAwait(false);
                return _plan.Brokers.All(b => members.Any(m => m.BrokerName == b.BrokerName && m.BrokerId == b.BrokerId && m.Address == b.Address));
            },
            readyTimeout, "every broker to register", cancellationToken).ConfigureAwait(false);

        new ClusterState(
            Environment.ProcessId,
            _plan.NamesrvAddress,
            _namesrv.Id,
            _brokers.Select(b => new ClusterStateBroker(b.Spec.Label, b.Spec.BrokerName, b.Spec.BrokerId, b.Spec.Address, b.Process.Id)).ToList())
            .Save(_plan.StatePath);
        return members;
    }

    /// <summary>Completes when any child process exits on its own (the cluster is then incomplete).</summary>
    public async Task<string> WaitForAnyExitAsync(CancellationToken cancellationToken)
    {
        var all = _brokers.Select(b => (Name: b.Spec.Label, b.Process)).Append((Name: "namesrv", Process: _namesrv!)).ToList();
        var waits = all.Select(async c => { await c.Process.WaitForExitAsync(cancellationToken).ConfigureAwait(false); return c.Name; });
        return await await Task.WhenAny(waits).ConfigureAwait(false);
    }

    public async Task StopAsync()
    {
        var order = _brokers.OrderByDescending(b => b.Spec.BrokerId > 0).Select(b => (b.Spec.Label, b.Process)).ToList();
        if (_namesrv is not null)
        {
            order.Add(("namesrv", _namesrv));
        }

        foreach (var (name, process) in order)
        {
            await StopOneAsync(name, process).ConfigureAwait(false);
        }

        if (File.Exists(_plan.StatePath))
        {
            File.Delete(_plan.StatePath);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _client.DisposeAsync().ConfigureAwait(false);
        foreach (var (_, process) in _brokers)
        {
            process.Dispose();
        }

        _namesrv?.Dispose();
        _brokers.Clear();
        _namesrv = null;
    }

    private async Task StopOneAsync(string name, Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        PosixSignal.Send(process.Id, PosixSignal.SigTerm);
        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            await _progress.WriteLineAsync($"stopped {name} (pid {process.Id}, exit {process.ExitCode})").ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            await _progress.WriteLineAsync($"killed {name} (pid {process.Id}): it did not stop within {StopGrace.TotalSeconds:0} s").ConfigureAwait(false);
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exited = _brokers.Select(b => (b.Spec.Label, b.Process)).Append(("namesrv", _namesrv!)).FirstOrDefault(c => c.Item2 is { HasExited: true });
            if (exited.Item2 is not null)
            {
                throw new InvalidOperationException($"{exited.Item1} exited with code {exited.Item2.ExitCode} while waiting for {what}; see {_plan.LogDir}/{exited.Item1}.out");
            }

            try
            {
                if (await condition().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (RemotingException)
            {
                // not up yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}; logs in {_plan.LogDir}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
