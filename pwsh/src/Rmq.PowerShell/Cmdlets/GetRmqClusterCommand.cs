using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>Get-RmqCluster: the clusters the name servers know, with their broker names and counts.</summary>
[Cmdlet(VerbsCommon.Get, "RmqCluster")]
[OutputType(typeof(RmqCluster))]
public sealed class GetRmqClusterCommand : RmqNameServerCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Cluster names; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("ClusterName")]
    public string[]? Cluster { get; set; }

    protected override void ProcessRecord()
    {
        if (ReadClusters() is not { } snapshot)
        {
            return;
        }

        foreach (var group in snapshot.Brokers.GroupBy(b => b.Cluster).Where(g => Matches(g.Key, Cluster)))
        {
            WriteObject(new RmqCluster
            {
                NameServer = snapshot.NameServer,
                Cluster = group.Key,
                BrokerNames = group.Select(b => b.BrokerName).Distinct().ToArray(),
                Masters = group.Count(b => b.BrokerId == 0),
                Slaves = group.Count(b => b.BrokerId != 0),
            });
        }
    }
}
