using Rmq.Broker.Stats;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// GET_CONSUME_STATS (208): per queue the broker's max offset, the group's committed offset and the store time
/// of the last consumed message, for one topic or every topic the group has offsets for, with the group's pull TPS.
/// </summary>
internal sealed class ConsumeStatsProcessor(BrokerContext broker) : IRequestProcessor
{
    private readonly ConsumeStatsBuilder _builder = new(broker);

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<GetConsumeStatsRequestHeader>();
        var topics = string.IsNullOrEmpty(header.Topic) ? broker.Offsets.WhichTopicByConsumer(header.ConsumerGroup) : [header.Topic];
        var stats = new ConsumeStats();
        foreach (var topic in topics)
        {
            if (broker.Topics.Select(topic) is { } config)
            {
                _builder.AddQueues(stats, header.ConsumerGroup, topic, config.WriteQueueNums);
                stats.ConsumeTps += broker.BrokerStats.GroupGetTps(header.ConsumerGroup, topic);
            }
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: stats.Encode()));
    }
}
