using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Stats;

/// <summary>
/// A group's progress on one topic of this broker (per queue: max offset, committed offset, store time of the last
/// consumed message) plus its pull rate over the last minute: what GET_CONSUME_STATS and GET_BROKER_CONSUME_STATS answer.
/// </summary>
internal sealed class ConsumeStatsBuilder(BrokerContext broker)
{
    /// <summary>Null when the topic is not in the topic table.</summary>
    public ConsumeStats? Build(string group, string topic)
    {
        var config = broker.Topics.Select(topic);
        if (config is null)
        {
            return null;
        }

        var stats = new ConsumeStats();
        AddQueues(stats, group, topic, config.WriteQueueNums);
        stats.ConsumeTps = broker.BrokerStats.GroupGetTps(group, topic);
        return stats;
    }

    /// <summary>Adds one topic's queues to <paramref name="stats"/> (GET_CONSUME_STATS over several topics answers one table).</summary>
    public void AddQueues(ConsumeStats stats, string group, string topic, int queues)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var store = broker.Store;
        for (var queueId = 0; queueId < queues; queueId++)
        {
            var brokerOffset = Math.Max(0, store.GetMaxOffsetInQueue(topic, queueId));
            var consumerOffset = Math.Max(0, broker.Offsets.QueryOffset(group, topic, queueId));
            var last = consumerOffset > 0 ? Math.Max(0, store.GetMessageStoreTimeStamp(topic, queueId, consumerOffset - 1)) : 0;
            stats.OffsetTable[new MessageQueue(topic, broker.Options.Identity.BrokerName, queueId)] = new OffsetWrapper(brokerOffset, consumerOffset, last);
        }
    }
}
