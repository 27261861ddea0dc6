using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Wait-RmqBrokerDrained: after the write permission of a broker was wiped (Disable-RmqBrokerWrite), waits
/// until producers have moved away: one route-refresh interval has passed and no message was put on the
/// master for the grace period (and no connection of -ProducerGroup is left), like <c>rmq admin drainBroker</c>.
/// It changes nothing itself. When -Timeout passes first, the result says Drained = false and a
/// non-terminating Rmq.DrainTimeout error is written.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "RmqBrokerDrained")]
[OutputType(typeof(RmqDrainResult))]
public sealed class WaitRmqBrokerDrainedCommand : RmqNameServerCmdlet
{
    private readonly HashSet<(string, string)> _done = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Broker names; the master of each is watched.")]
    public string[] BrokerName { get; set; } = [];

    [Parameter(HelpMessage = "The clients' route refresh interval (pollNameServerInterval); seconds or a TimeSpan; default 30 s.")]
    [Seconds]
    public TimeSpan RouteRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Parameter(HelpMessage = "How long no message must be put to count as drained; default 10 s.")]
    [Seconds]
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(10);

    [Parameter(HelpMessage = "Give up after this long; default 5 min.")]
    [Seconds]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    [Parameter(HelpMessage = "How often to look at the broker; default 1 s.")]
    [Seconds]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Parameter(HelpMessage = "Producer groups whose connections to the broker must be gone too.")]
    public string[] ProducerGroup { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var brokerName in BrokerName)
        {
            if (!_done.Add((NameServerText, brokerName)))
            {
                continue;
            }

            if (ReadClusters() is not { } snapshot)
            {
                return;
            }

            var master = snapshot.Masters.FirstOrDefault(b => b.BrokerName == brokerName);
            if (master is null)
            {
                WriteTargetError($"No master of broker '{brokerName}' is registered on {NameServerText}", RmqErrors.BrokerNotFound, brokerName, ErrorCategory.ObjectNotFound);
                continue;
            }

            var result = Wait(this, NameServers, master, RouteRefreshInterval, Grace, Timeout, PollInterval, ProducerGroup, snapshot.NameServer, 0);
            if (!result.Drained)
            {
                WriteTargetError($"Broker '{brokerName}' ({master.Address}) was not drained within {Timeout}: last put {result.QuietFor.TotalSeconds:0.#} s ago", RmqErrors.DrainTimeout, result, ErrorCategory.OperationTimeout);
            }

            WriteObject(result);
        }
    }

    /// <summary>The wait itself, shared with Invoke-RmqRollingRestart; reports progress on <paramref name="cmdlet"/>.</summary>
    internal static RmqDrainResult Wait(
        RmqCmdlet cmdlet, IReadOnlyList<string> nameServers, BrokerEntry master, TimeSpan routeRefresh, TimeSpan grace, TimeSpan timeout, TimeSpan poll,
        IReadOnlyList<string> producerGroups, string nameServerText, int parentActivityId)
    {
        var watcher = new DrainWatcher(nameServers, master.BrokerName, master.Address, routeRefresh, grace, producerGroups);
        var progress = new ProgressRecord(parentActivityId + 1, $"Draining broker {master.BrokerName}", "waiting for producers to route away") { ParentActivityId = parentActivityId == 0 ? -1 : parentActivityId };
        while (true)
        {
            cmdlet.RunPoll(watcher.PollAsync);
            if (watcher.Drained || watcher.Elapsed >= timeout)
            {
                break;
            }

            progress.StatusDescription = $"{watcher.Elapsed.TotalSeconds:0}s elapsed, no put for {watcher.QuietFor.TotalSeconds:0}s" +
                (watcher.ProducerConnections is { } n ? $", {n} producer connection(s)" : "") + (watcher.LastError is { } e ? $" ({e})" : "");
            progress.PercentComplete = (int)Math.Min(99, 100 * watcher.Elapsed / Max(routeRefresh, watcher.Elapsed - watcher.QuietFor + grace));
            cmdlet.WriteProgress(progress);
            cmdlet.WriteVerbose($"{master.BrokerName}: {progress.StatusDescription}");
            cmdlet.PauseFor(poll);
        }

        progress.RecordType = ProgressRecordType.Completed;
        cmdlet.WriteProgress(progress);
        return new RmqDrainResult
        {
            NameServer = nameServerText,
            Cluster = master.Cluster,
            BrokerName = master.BrokerName,
            BrokerId = master.BrokerId,
            Address = master.Address,
            Drained = watcher.Drained,
            Elapsed = watcher.Elapsed,
            QuietFor = watcher.QuietFor,
            PutTps = watcher.PutTps,
            ProducerConnections = watcher.ProducerConnections,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
