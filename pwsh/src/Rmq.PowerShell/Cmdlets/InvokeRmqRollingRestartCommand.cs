using System.Diagnostics;
using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Invoke-RmqRollingRestart: restarts broker groups one at a time, never two at once (ha-and-flush.md §7):
/// wipe the master's write permission on every name server, wait until it is drained, run -RestartScript
/// with the master's broker object (and first with each slave's, with -IncludeSlaves), wait until the
/// master is registered again and its slaves are in sync, and add the write permission back. Each step is
/// reported by Write-Progress, verbose output and an RmqRestartStep object. A group that fails stops the run
/// (Rmq.RestartFailed): groups after it are not touched, and a group whose drain or sync failed gets its
/// write permission back.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RmqRollingRestart", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RmqRestartStep))]
public sealed class InvokeRmqRollingRestartCommand : RmqNameServerCmdlet
{
    private const int ActivityId = 1;
    private readonly List<string> _groups = [];
    private string? _nameServerText;
    private IReadOnlyList<string>? _nameServers;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Broker groups (broker names) to restart; wildcards allowed; default all.")]
    [SupportsWildcards]
    public string[]? BrokerName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only broker groups of these clusters; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("ClusterName")]
    public string[]? Cluster { get; set; }

    [Parameter(Mandatory = true, HelpMessage = "Restarts one broker: gets the RmqBroker object as $_ and $args[0]; returns when the broker process was started again.")]
    public ScriptBlock RestartScript { get; set; } = null!;

    [Parameter(HelpMessage = "Also restart each group's slaves (before its master; slaves take no writes, so no drain).")]
    public SwitchParameter IncludeSlaves { get; set; }

    [Parameter(HelpMessage = "The clients' route refresh interval; seconds or a TimeSpan; default 30 s.")]
    [Seconds]
    public TimeSpan RouteRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Parameter(HelpMessage = "No put for this long counts as drained; default 10 s.")]
    [Seconds]
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(10);

    [Parameter(HelpMessage = "Longest wait for a drain; default 5 min.")]
    [Seconds]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Parameter(HelpMessage = "Longest wait for a restarted broker to register; default 2 min.")]
    [Seconds]
    public TimeSpan RegisterTimeout { get; set; } = TimeSpan.FromMinutes(2);

    [Parameter(HelpMessage = "Longest wait for the slaves to catch up; default 5 min.")]
    [Seconds]
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Parameter(HelpMessage = "A slave at most this many bytes behind counts as in sync; default 0.")]
    public long MaxLag { get; set; }

    [Parameter(HelpMessage = "How often to poll; default 1 s.")]
    [Seconds]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Parameter(HelpMessage = "Producer groups whose connections must leave the master during the drain.")]
    public string[] ProducerGroup { get; set; } = [];

    protected override void ProcessRecord()
    {
        // Collect the groups of every record first: the restart runs once, group after group, at the end.
        _nameServers ??= NameServers;
        _nameServerText ??= NameServerText;
        if (NameServerText != _nameServerText)
        {
            WriteTargetError($"One rolling restart covers one name-server list; {NameServerText} differs from {_nameServerText}", "Rmq.MixedNameServers", NameServerText, ErrorCategory.InvalidArgument);
            return;
        }

        if (ReadClusters() is not { } snapshot)
        {
            return;
        }

        foreach (var name in snapshot.Masters.Where(b => Matches(b.Cluster, Cluster) && Matches(b.BrokerName, BrokerName)).Select(b => b.BrokerName))
        {
            if (!_groups.Contains(name))
            {
                _groups.Add(name);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_nameServers is null)
        {
            return;
        }

        NameServer = [.. _nameServers];
        for (var i = 0; i < _groups.Count; i++)
        {
            var name = _groups[i];
            var overall = new ProgressRecord(ActivityId, "Rolling restart", $"group {i + 1}/{_groups.Count}: {name}") { PercentComplete = 100 * i / _groups.Count };
            WriteProgress(overall);
            if (!ShouldProcess($"broker group '{name}' on {_nameServerText}", "Rolling restart (drain, restart, wait for registration and sync, restore write)"))
            {
                continue;
            }

            if (!RestartGroup(name, overall))
            {
                WriteTargetError($"Rolling restart stopped at broker group '{name}'; {_groups.Count - i - 1} group(s) after it were not restarted", RmqErrors.RestartFailed, name, ErrorCategory.OperationStopped);
                break;
            }
        }

        WriteProgress(new ProgressRecord(ActivityId, "Rolling restart", "done") { RecordType = ProgressRecordType.Completed });
    }

    private bool RestartGroup(string name, ProgressRecord overall)
    {
        var snapshot = ReadClusters();
        var master = snapshot?.Masters.FirstOrDefault(b => b.BrokerName == name);
        if (snapshot is null || master is null)
        {
            Step(new BrokerEntry("", name, 0, ""), "Drain", false, TimeSpan.Zero, "the master is not registered");
            return false;
        }

        var slaves = snapshot.Brokers.Where(b => b.BrokerName == name && b.BrokerId != 0).ToList();
        if (IncludeSlaves)
        {
            foreach (var slave in slaves)
            {
                if (!Restart(snapshot, slave, overall, $"slave {slave.BrokerId}"))
                {
                    return false;
                }
            }
        }

        // 1. Drain: wipe write on every name server, then wait until producers are gone.
        var clock = Stopwatch.StartNew();
        Progress(overall, name, "wiping write permission");
        var wiped = Run(ct => WritePermCmdlet.Apply(_nameServers!, name, RmqPermission.ReadOnly, ct));
        if (Succeeded(wiped).ToList().Count == 0)
        {
            Step(master, "Drain", false, clock.Elapsed, "no name server took the write-permission wipe");
            return false;
        }

        Progress(overall, name, "waiting for producers to route away");
        RmqDrainResult drain;
        try
        {
            drain = WaitRmqBrokerDrainedCommand.Wait(this, _nameServers!, master, RouteRefreshInterval, Grace, DrainTimeout, PollInterval, ProducerGroup, _nameServerText!, ActivityId);
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C while draining: the broker is still up, so give it its write permission back (best effort, bounded).
            WritePermCmdlet.Apply(_nameServers!, name, RmqPermission.ReadWrite, CancellationToken.None).Wait(RmqSession.CallTimeout);
            throw;
        }

        Step(master, "Drain", drain.Drained, clock.Elapsed, drain.Drained ? $"no put for {drain.QuietFor.TotalSeconds:0.#} s" : $"not drained within {DrainTimeout}");
        if (!drain.Drained)
        {
            RestoreWrite(master, overall);
            return false;
        }

        // 2. Restart the master, 3. wait until it registered again, 4. until its slaves are in sync.
        if (!Restart(snapshot, master, overall, "master"))
        {
            // A master that still answers (the script failed before stopping it) gets its write permission back.
            if (Run(ct => BrokerReader.ReadAsync(snapshot.NameServer, master, ct)).Status == "Online")
            {
                RestoreWrite(master, overall);
            }

            return false;
        }

        clock.Restart();
        Progress(overall, name, "waiting for the slaves to catch up");
        var synced = slaves.Count == 0;
        var detail = "no slaves";
        while (!synced && clock.Elapsed < SyncTimeout)
        {
            var current = ReadClustersQuietly() ?? snapshot;
            var rows = Run(ct => GetRmqReplicationStatusCommand.ReadAsync(current, [master], MaxLag, ct));
            synced = rows.Count >= slaves.Count && rows.All(r => r.InSync);
            detail = string.Join(", ", rows.Select(r => $"slave {r.BrokerId} lag {r.Lag?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}"));
            if (!synced)
            {
                WriteVerbose($"{name}: {detail}");
                Pause(PollInterval);
            }
        }

        Step(master, "Sync", synced, clock.Elapsed, detail);
        RestoreWrite(master, overall);
        if (!synced)
        {
            return false;
        }

        Step(master, "Done", true, TimeSpan.Zero, "broker group restarted");
        return true;
    }

    private bool Restart(ClusterSnapshot snapshot, BrokerEntry broker, ProgressRecord overall, string what)
    {
        var clock = Stopwatch.StartNew();
        Progress(overall, broker.BrokerName, $"restarting the {what} ({broker.Address})");
        var before = Run(ct => BrokerReader.ReadAsync(snapshot.NameServer, broker, ct));
        try
        {
            RestartScript.InvokeWithContext(null, [new PSVariable("_", before)], before);
        }
        catch (Exception e) when (e is not PipelineStoppedException)
        {
            Step(broker, "Restart", false, clock.Elapsed, $"the restart script failed: {e.Message}");
            return false;
        }

        Step(broker, "Restart", true, clock.Elapsed, $"{what} restart script done");

        // Registered again: listed by a name server at the same id and address, and answering.
        clock.Restart();
        Progress(overall, broker.BrokerName, $"waiting for the {what} to register");
        var bootBefore = before.RuntimeInfo.GetValueOrDefault("bootTimestamp");
        while (clock.Elapsed < RegisterTimeout)
        {
            var listed = ReadClustersQuietly()?.Brokers.Any(b => b.BrokerName == broker.BrokerName && b.BrokerId == broker.BrokerId && b.Address == broker.Address) == true;
            if (listed)
            {
                var now = Run(ct => BrokerReader.ReadAsync(snapshot.NameServer, broker, ct));
                if (now.Status == "Online" && (bootBefore is null || now.RuntimeInfo.GetValueOrDefault("bootTimestamp") != bootBefore))
                {
                    Step(broker, "Register", true, clock.Elapsed, $"{what} registered again");
                    return true;
                }
            }

            Pause(PollInterval);
        }

        Step(broker, "Register", false, clock.Elapsed, $"the {what} did not register within {RegisterTimeout}");
        return false;
    }

    private void RestoreWrite(BrokerEntry master, ProgressRecord overall)
    {
        var clock = Stopwatch.StartNew();
        Progress(overall, master.BrokerName, "adding write permission back");
        var added = Run(ct => WritePermCmdlet.Apply(_nameServers!, master.BrokerName, RmqPermission.ReadWrite, ct));
        var ok = Succeeded(added).Count();
        Step(master, "RestoreWrite", ok > 0, clock.Elapsed, $"write permission added on {ok} of {added.Count} name server(s)");
    }

    /// <summary>Name-server reads while waiting: a name server that is down is not reported on every poll.</summary>
    private ClusterSnapshot? ReadClustersQuietly()
    {
        var saved = ErrorActionQuiet;
        ErrorActionQuiet = true;
        try
        {
            return ReadClusters();
        }
        finally
        {
            ErrorActionQuiet = saved;
        }
    }

    private void Progress(ProgressRecord overall, string name, string status)
    {
        overall.StatusDescription = $"{name}: {status}";
        WriteProgress(overall);
        WriteVerbose($"{name}: {status}");
    }

    private void Step(BrokerEntry broker, string step, bool succeeded, TimeSpan elapsed, string message)
    {
        WriteVerbose($"{broker.BrokerName}/{broker.BrokerId}: {step} {(succeeded ? "ok" : "FAILED")} in {elapsed.TotalSeconds:0.#} s: {message}");
        WriteObject(new RmqRestartStep
        {
            NameServer = _nameServerText ?? "",
            Cluster = broker.Cluster,
            BrokerName = broker.BrokerName,
            BrokerId = broker.BrokerId,
            Address = broker.Address,
            Step = step,
            Succeeded = succeeded,
            Elapsed = elapsed,
            Message = message,
        });
    }
}
