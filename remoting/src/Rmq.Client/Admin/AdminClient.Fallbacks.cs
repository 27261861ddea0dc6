using Rmq.Client.Protocol;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.Client.Admin;

/// <summary>
/// Answers built from the codes every 4.x broker serves (GET_ALL_CONSUMER_OFFSET, GET_MIN/MAX_OFFSET, PULL_MESSAGE)
/// when a broker refuses a stats code with REQUEST_CODE_NOT_SUPPORTED, so the same commands work against brokers
/// that implement only the core admin codes.
/// </summary>
public sealed partial class AdminClient
{
    /// <summary>GET_CONSUME_STATS, or the same table from GET_ALL_CONSUMER_OFFSET and GET_MAX_OFFSET (TPS 0, last time from the last consumed message).</summary>
    public async Task<ConsumeStats> ConsumeStatsAsync(string brokerAddr, string consumerGroup, string? topic = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Broker.GetConsumeStatsAsync(brokerAddr, consumerGroup, topic, cancellationToken).ConfigureAwait(false);
        }
        catch (MQClientException e) when (e.Code == ResponseCode.RequestCodeNotSupported)
        {
            _logger.Debug("GET_CONSUME_STATS not supported by {Address}; building it from consumer offsets", brokerAddr);
        }

        var brokerName = await BrokerNameOfAsync(brokerAddr, cancellationToken).ConfigureAwait(false);
        var offsets = await Broker.GetAllConsumerOffsetAsync(brokerAddr, cancellationToken).ConfigureAwait(false);
        var stats = new ConsumeStats();
        foreach (var (key, queues) in offsets.OffsetTable)
        {
            var at = key.LastIndexOf(ConsumerOffsetTable.KeySeparator);
            if (at < 0 || key[(at + 1)..] != consumerGroup || (topic is not null && key[..at] != topic))
            {
                continue;
            }

            var queueTopic = key[..at];
            foreach (var (queueId, consumerOffset) in queues)
            {
                var brokerOffset = await Broker.GetMaxOffsetAsync(brokerAddr, queueTopic, queueId, cancellationToken).ConfigureAwait(false);
                var last = consumerOffset > 0 ? await StoreTimestampAtAsync(brokerAddr, queueTopic, brokerName, queueId, consumerOffset - 1, cancellationToken).ConfigureAwait(false) : 0;
                stats.OffsetTable[new MessageQueue(queueTopic, brokerName, queueId)] = new OffsetWrapper(brokerOffset, consumerOffset, last);
            }
        }

        if (stats.OffsetTable.Count == 0)
        {
            throw new MQClientException(ResponseCode.ConsumerNotOnline, $"the consumer group [{consumerGroup}] has no offset on {brokerAddr}", brokerAddr);
        }

        return stats;
    }

    /// <summary>GET_TOPIC_STATS_INFO, or min/max offsets per queue and the store time of each queue's last message.</summary>
    public async Task<TopicStatsTable> TopicStatsAsync(string brokerAddr, string topic, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Broker.GetTopicStatsInfoAsync(brokerAddr, topic, cancellationToken).ConfigureAwait(false);
        }
        catch (MQClientException e) when (e.Code == ResponseCode.RequestCodeNotSupported)
        {
            _logger.Debug("GET_TOPIC_STATS_INFO not supported by {Address}; building it from queue offsets", brokerAddr);
        }

        var brokerName = await BrokerNameOfAsync(brokerAddr, cancellationToken).ConfigureAwait(false);
        var configs = await Broker.GetAllTopicConfigAsync(brokerAddr, cancellationToken).ConfigureAwait(false);
        if (!configs.TopicConfigTable.TryGetValue(topic, out var config))
        {
            throw new MQClientException(ResponseCode.TopicNotExist, $"topic[{topic}] not exist", brokerAddr);
        }

        var table = new TopicStatsTable();
        for (var queueId = 0; queueId < config.WriteQueueNums; queueId++)
        {
            var min = await Broker.GetMinOffsetAsync(brokerAddr, topic, queueId, cancellationToken).ConfigureAwait(false);
            var max = await Broker.GetMaxOffsetAsync(brokerAddr, topic, queueId, cancellationToken).ConfigureAwait(false);
            var last = max > 0 ? await StoreTimestampAtAsync(brokerAddr, topic, brokerName, queueId, max - 1, cancellationToken).ConfigureAwait(false) : 0;
            table.OffsetTable[new MessageQueue(topic, brokerName, queueId)] = new TopicOffset(min, max, last);
        }

        return table;
    }

    /// <summary>QUERY_TOPIC_CONSUME_BY_WHO, or the groups with an offset for the topic in GET_ALL_CONSUMER_OFFSET.</summary>
    public async Task<IReadOnlyList<string>> TopicConsumersAsync(string brokerAddr, string topic, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Broker.QueryTopicConsumeByWhoAsync(brokerAddr, topic, cancellationToken).ConfigureAwait(false);
        }
        catch (MQClientException e) when (e.Code == ResponseCode.RequestCodeNotSupported)
        {
            var offsets = await Broker.GetAllConsumerOffsetAsync(brokerAddr, cancellationToken).ConfigureAwait(false);
            return offsets.OffsetTable.Keys
                .Where(k => k.StartsWith(topic + ConsumerOffsetTable.KeySeparator, StringComparison.Ordinal))
                .Select(k => k[(topic.Length + 1)..])
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
    }

    private async Task<long> StoreTimestampAtAsync(string brokerAddr, string topic, string brokerName, int queueId, long offset, CancellationToken cancellationToken)
    {
        try
        {
            var queue = new MessageQueue(topic, brokerName, queueId);
            var header = Consumer.ConsumerQueues.BuildPullHeader(ToolsConsumerGroup, queue, SubscriptionData.ForTags(topic, "*", 0), offset, 0, toSlave: false, postSubscription: true, 1, 20_000, suspend: false);
            var result = await Broker.PullMessageAsync(brokerAddr, header, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            return result.DecodeMessages(brokerName).FirstOrDefault(m => m.QueueOffset == offset)?.StoreTimestamp ?? 0;
        }
        catch (Exception e) when (e is MQClientException or RemotingException)
        {
            return 0;
        }
    }

    private async Task<string> BrokerNameOfAsync(string brokerAddr, CancellationToken cancellationToken)
    {
        var info = await NameServer.GetBrokerClusterInfoAsync(cancellationToken).ConfigureAwait(false);
        return info.BrokerAddrTable.Values.FirstOrDefault(b => b.BrokerAddrs.ContainsValue(brokerAddr))?.BrokerName ?? brokerAddr;
    }
}
