using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Remove-RmqTopic: deletes a topic on every master of its clusters (DELETE_TOPIC_IN_BROKER), then on every
/// name server (DELETE_TOPIC_IN_NAMESRV). Without -Cluster, the clusters of the topic's route.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "RmqTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RmqTopicChange))]
public sealed class RemoveRmqTopicCommand : RmqNameServerCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Topic names.")]
    [Alias("Name")]
    public string[] Topic { get; set; } = [];

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only in these clusters (default: every cluster of the topic's route).")]
    [Alias("ClusterName")]
    public string[]? Cluster { get; set; }

    [Parameter(HelpMessage = "Output one object per broker the topic was removed from.")]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var addresses = NameServers;
        foreach (var topic in Topic)
        {
            string[] clusters;
            try
            {
                clusters = Cluster is { Length: > 0 }
                    ? Cluster.SelectMany(c => c.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray()
                    : Run(async ct =>
                    {
                        await using var admin = RmqSession.Admin(addresses);
                        var route = await admin.TopicRouteAsync(topic, ct).ConfigureAwait(false);
                        return route.BrokerDatas.Select(b => b.Cluster ?? "").Where(c => c.Length > 0).Distinct().ToArray();
                    });
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                WriteTargetError(e, RmqErrors.ForNameServer(e), topic);
                continue;
            }

            foreach (var cluster in clusters)
            {
                if (!ShouldProcess($"topic '{topic}' in cluster '{cluster}' (its masters and name servers {NameServerText})", "Remove topic"))
                {
                    continue;
                }

                var result = Run(async ct =>
                {
                    await using var admin = RmqSession.Admin(addresses);
                    return await admin.DeleteTopicAsync(topic, cluster, ct).ConfigureAwait(false);
                });
                foreach (var broker in result.Brokers)
                {
                    if (!broker.Succeeded)
                    {
                        WriteTargetError(new RmqException($"Removing topic '{topic}' on broker '{broker.BrokerName}' ({broker.Address}) failed: {broker.Error}"), broker.Code is null ? RmqErrors.BrokerUnreachable : RmqErrors.BrokerRefused, broker.Address);
                    }
                    else if (PassThru)
                    {
                        WriteObject(new RmqTopicChange { NameServer = NameServerText, Cluster = cluster, BrokerName = broker.BrokerName, Address = broker.Address, Topic = topic, Action = "Removed" });
                    }
                }

                _ = Succeeded(result.NameServers).Count();   // writes one error per name server that failed
            }
        }
    }
}
