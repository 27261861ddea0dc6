using Rmq.Broker.Protocol;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// GET_CONSUME_STATS (208): per queue the broker's max offset, the group's committed offset and the store time
/// of the last consumed message, for one topic or every topic the group has offsets for.
/// </summary>
internal sealed class ConsumeStatsProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<GetConsumeStatsRequestHeader>();
        var topics = string.IsNullOrEmpty(header.Topic) ? broker.Offsets.WhichTopicByConsumer(header.ConsumerGroup) : [header.Topic];
        var stats = new ConsumeStats();
        var store = broker.Store;
        foreach (var topic in topics)
        {
            var config = broker.Topics.Select(topic);
            if (config is null)
            {
                continue;
            }

            for (var queueId = 0; queueId < config.WriteQueueNums; queueId++)
            {
                var brokerOffset = Math.Max(0, store.GetMaxOffsetInQueue(topic, queueId));
                var consumerOffset = Math.Max(0, broker.Offsets.QueryOffset(header.ConsumerGroup, topic, queueId));
                var last = consumerOffset > 0 ? Math.Max(0, store.GetMessageStoreTimeStamp(topic, queueId, consumerOffset - 1)) : 0;
                stats.OffsetTable[new MessageQueue(topic, broker.Options.Identity.BrokerName, queueId)] = new OffsetWrapper(brokerOffset, consumerOffset, last);
            }
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: stats.Encode()));
    }
}
