using System.Management.Automation;
using System.Text;
using Rmq.Client.Admin;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Receive-RmqMessage: reads messages of a topic queue by queue, from the oldest kept (or -Offset) on, without
/// committing any consumer offset (a look at the data, as mqadmin's printMsg). Stops after -MaxCount messages.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "RmqMessage")]
[OutputType(typeof(RmqMessage))]
public sealed class ReceiveRmqMessageCommand : RmqNameServerCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The topic.")]
    public string Topic { get; set; } = "";

    [Parameter(HelpMessage = "Tag expression, e.g. 'a || b'; default '*'.")]
    public string TagExpression { get; set; } = "*";

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only the queues of these brokers; wildcards allowed.")]
    [SupportsWildcards]
    public string[]? BrokerName { get; set; }

    [Parameter(HelpMessage = "Only these queue ids.")]
    public int[]? QueueId { get; set; }

    [Parameter(HelpMessage = "Start at this queue offset (default: the oldest kept).")]
    [ValidateRange(0, long.MaxValue)]
    public long? Offset { get; set; }

    [Parameter(HelpMessage = "At most this many messages in all; default 32.")]
    [ValidateRange(1, 100000)]
    public int MaxCount { get; set; } = 32;

    protected override void ProcessRecord()
    {
        var addresses = NameServers;
        TopicRouteData route;
        try
        {
            route = Run(async ct =>
            {
                await using var admin = RmqSession.Admin(addresses);
                return await admin.TopicRouteAsync(Topic, ct).ConfigureAwait(false);
            });
        }
        catch (Exception e) when (e is not PipelineStoppedException)
        {
            WriteTargetError(e, RmqErrors.ForNameServer(e), Topic);
            return;
        }

        var left = MaxCount;
        foreach (var queue in ConsumerQueues.SubscribeQueues(Topic, route).Where(q => Matches(q.BrokerName, BrokerName) && (QueueId is null || QueueId.Contains(q.QueueId))))
        {
            var broker = route.BrokerDatas.FirstOrDefault(b => b.BrokerName == queue.BrokerName);
            var address = broker?.MasterAddr ?? broker?.BrokerAddrs.Values.FirstOrDefault();
            if (address is null || left <= 0)
            {
                continue;
            }

            try
            {
                foreach (var message in Run(ct => PullAsync(address, queue, left, ct)))
                {
                    left--;
                    WriteObject(message);
                }
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                WriteTargetError(e, RmqErrors.IsUnreachable(e) ? RmqErrors.BrokerUnreachable : RmqErrors.ReceiveFailed, queue);
            }
        }
    }

    private async Task<List<RmqMessage>> PullAsync(string address, MessageQueue queue, int max, CancellationToken cancellationToken)
    {
        await using var client = RmqSession.Broker();
        var offset = Offset ?? await client.GetMinOffsetAsync(address, queue.Topic, queue.QueueId, cancellationToken).ConfigureAwait(false);
        var messages = new List<RmqMessage>();
        var subscription = SubscriptionData.ForTags(Topic, TagExpression, 0);
        while (messages.Count < max)
        {
            var header = ConsumerQueues.BuildPullHeader(AdminClient.ToolsConsumerGroup, queue, subscription, offset, 0, toSlave: false, postSubscription: true, Math.Min(32, max - messages.Count), 0, suspend: false);
            var result = await client.PullMessageAsync(address, header, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            if (result.PullStatus is not (PullStatus.FOUND or PullStatus.NO_MATCHED_MSG) || result.NextBeginOffset <= offset)
            {
                break;
            }

            foreach (var m in result.DecodeMessages(queue.BrokerName).Where(m => m.QueueOffset >= offset).Take(max - messages.Count))
            {
                messages.Add(new RmqMessage
                {
                    NameServer = NameServerText,
                    Topic = m.Topic,
                    BrokerName = queue.BrokerName,
                    QueueId = m.QueueId,
                    QueueOffset = m.QueueOffset,
                    MsgId = m.MsgId,
                    Tags = m.Tags,
                    Keys = m.Keys,
                    Body = Encoding.UTF8.GetString(m.Body),
                    BodyBytes = m.Body,
                    BornTime = DateTimeOffset.FromUnixTimeMilliseconds(m.BornTimestamp),
                    StoreTime = DateTimeOffset.FromUnixTimeMilliseconds(m.StoreTimestamp),
                    Properties = new Dictionary<string, string>(m.Properties),
                });
            }

            offset = result.NextBeginOffset;
        }

        return messages;
    }
}
