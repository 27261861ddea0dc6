using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Get-RmqBroker: every broker the name servers list, each with its runtime info. A broker that is listed
/// but does not answer is output with Status Unreachable (the name server keeps it up to 120 s).
/// </summary>
[Cmdlet(VerbsCommon.Get, "RmqBroker")]
[OutputType(typeof(RmqBroker))]
public sealed class GetRmqBrokerCommand : RmqNameServerCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Broker names; wildcards allowed.")]
    [SupportsWildcards]
    public string[]? BrokerName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only brokers of these clusters; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("ClusterName")]
    public string[]? Cluster { get; set; }

    protected override void ProcessRecord()
    {
        if (ReadClusters() is not { } snapshot)
        {
            return;
        }

        var targets = snapshot.Brokers.Where(b => Matches(b.Cluster, Cluster) && Matches(b.BrokerName, BrokerName)).ToList();
        foreach (var broker in Run(ct => BrokerReader.ReadAsync(snapshot.NameServer, targets, ct)))
        {
            WriteObject(broker);
        }
    }
}
