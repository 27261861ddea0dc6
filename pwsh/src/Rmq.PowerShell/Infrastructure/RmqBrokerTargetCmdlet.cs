using System.Management.Automation;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>
/// A cmdlet aimed at brokers: every broker the name servers list, narrowed by -Cluster, -BrokerName and
/// -BrokerId, or the one broker -Address names (a broker object piped in binds all of these).
/// </summary>
public abstract class RmqBrokerTargetCmdlet : RmqNameServerCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Broker names; wildcards allowed.")]
    [SupportsWildcards]
    public string[]? BrokerName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only brokers of these clusters; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("ClusterName")]
    public string[]? Cluster { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only this broker (host:port).")]
    [Alias("BrokerAddress")]
    public string? Address { get; set; }

    /// <summary>The targeted brokers, or null when no name server answered.</summary>
    internal (ClusterSnapshot Snapshot, List<BrokerEntry> Brokers)? ResolveBrokers(bool mastersOnly)
    {
        if (ReadClusters() is not { } snapshot)
        {
            return null;
        }

        var brokers = snapshot.Brokers
            .Where(b => (Address is null || b.Address == Address) && Matches(b.Cluster, Cluster) && Matches(b.BrokerName, BrokerName) && (!mastersOnly || b.BrokerId == 0))
            .ToList();
        if (brokers.Count == 0)
        {
            WriteTargetError($"No broker matches on {snapshot.NameServer}", RmqErrors.BrokerNotFound, Address ?? (object?)BrokerName ?? Cluster, ErrorCategory.ObjectNotFound);
        }

        return (snapshot, brokers);
    }
}
