using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Get-RmqReplicationStatus: for every slave, the master's and the slave's commit-log max offset (broker
/// runtime info <c>commitLogMaxOffset</c>) and the lag in bytes. A broker group without slaves gives nothing.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RmqReplicationStatus")]
[OutputType(typeof(RmqReplicationStatus))]
public sealed class GetRmqReplicationStatusCommand : RmqBrokerTargetCmdlet
{
    private readonly HashSet<(string, string)> _done = [];

    [Parameter(HelpMessage = "A slave at most this many bytes behind counts as in sync; default 0.")]
    [ValidateRange(0, long.MaxValue)]
    public long MaxLag { get; set; }

    protected override void ProcessRecord()
    {
        if (ResolveBrokers(mastersOnly: false) is not var (snapshot, brokers))
        {
            return;
        }

        // A master and its slave piped in name the same group: each slave is reported once.
        foreach (var status in Run(ct => ReadAsync(snapshot, brokers, MaxLag, ct)).Where(s => _done.Add((s.NameServer, s.Address))))
        {
            WriteObject(status);
        }
    }

    /// <summary>One row per slave of the groups of <paramref name="brokers"/> (shared with Invoke-RmqRollingRestart).</summary>
    internal static async Task<IReadOnlyList<RmqReplicationStatus>> ReadAsync(ClusterSnapshot snapshot, IEnumerable<BrokerEntry> brokers, long maxLag, CancellationToken cancellationToken)
    {
        var names = brokers.Select(b => b.BrokerName).ToHashSet(StringComparer.Ordinal);
        var groups = snapshot.Brokers.Where(b => names.Contains(b.BrokerName)).GroupBy(b => b.BrokerName);
        await using var client = RmqSession.Broker();
        var rows = new List<RmqReplicationStatus>();
        foreach (var group in groups)
        {
            var master = group.FirstOrDefault(b => b.BrokerId == 0);
            long? masterOffset = null;
            try
            {
                masterOffset = master is null ? null : BrokerProbe.Long(await BrokerProbe.RuntimeInfoAsync(client, master.Address, cancellationToken).ConfigureAwait(false), "commitLogMaxOffset");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // the master does not answer: no lag can be told
            }

            foreach (var slave in group.Where(b => b.BrokerId != 0))
            {
                long? slaveOffset;
                try
                {
                    slaveOffset = BrokerProbe.Long(await BrokerProbe.RuntimeInfoAsync(client, slave.Address, cancellationToken).ConfigureAwait(false), "commitLogMaxOffset");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    slaveOffset = null;
                }

                var lag = masterOffset - slaveOffset;
                rows.Add(new RmqReplicationStatus
                {
                    NameServer = snapshot.NameServer,
                    Cluster = slave.Cluster,
                    BrokerName = slave.BrokerName,
                    BrokerId = slave.BrokerId,
                    Address = slave.Address,
                    MasterAddress = master?.Address,
                    MasterOffset = masterOffset,
                    SlaveOffset = slaveOffset,
                    Lag = lag,
                    InSync = lag is { } l && l <= maxLag,
                });
            }
        }

        return rows;
    }
}
