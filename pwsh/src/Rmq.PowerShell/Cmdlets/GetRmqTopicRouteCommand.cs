using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Get-RmqTopicRoute: the route of a topic as each name server answers it (name servers do not share
/// state, so a write-perm change can differ between them): one object per name server and broker.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RmqTopicRoute")]
[OutputType(typeof(RmqTopicRoute))]
public sealed class GetRmqTopicRouteCommand : RmqNameServerCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Topic names.")]
    [Alias("Name")]
    public string[] Topic { get; set; } = [];

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only the queue data of these brokers; wildcards allowed.")]
    [SupportsWildcards]
    public string[]? BrokerName { get; set; }

    protected override void ProcessRecord()
    {
        var addresses = NameServers;
        foreach (var topic in Topic)
        {
            var answers = Run(ct => Task.WhenAll(addresses.Select(async address =>
            {
                try
                {
                    await using var client = RmqSession.NameServer(address);
                    return (address, Route: await client.GetTopicRouteAsync(topic, ct).ConfigureAwait(false), Error: (Exception?)null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return (address, Route: (TopicRouteData?)null, Error: e);
                }
            })));

            foreach (var (address, route, error) in answers)
            {
                if (route is null)
                {
                    WriteTargetError(error!, RmqErrors.ForNameServer(error!), RmqErrors.IsTopicNotFound(error!) ? topic : address);
                    continue;
                }

                foreach (var queue in route.QueueDatas.Where(q => Matches(q.BrokerName, BrokerName)).OrderBy(q => q.BrokerName, StringComparer.Ordinal))
                {
                    var broker = route.BrokerDatas.FirstOrDefault(b => b.BrokerName == queue.BrokerName);
                    WriteObject(new RmqTopicRoute
                    {
                        NameServer = address,
                        Cluster = broker?.Cluster ?? "",
                        BrokerName = queue.BrokerName,
                        Topic = topic,
                        MasterAddress = broker?.MasterAddr,
                        Addresses = broker?.BrokerAddrs.Values.ToArray() ?? [],
                        ReadQueueNums = queue.ReadQueueNums,
                        WriteQueueNums = queue.WriteQueueNums,
                        Perm = queue.Perm,
                        Permission = Perm.Text(queue.Perm),
                    });
                }
            }
        }
    }
}
