using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Producer;

/// <summary>
/// The queues a producer may send a topic's messages to (TopicPublishInfo.java): queue ids
/// 0..writeQueueNums-1 of every writable QueueData whose broker has a master, or the queues of
/// <c>orderTopicConf</c> when the route has one. Chosen round-robin from a random start.
/// </summary>
public sealed class TopicPublishInfo
{
    private int _sendWhichQueue;

    public TopicPublishInfo(IReadOnlyList<MessageQueue> queues, bool orderTopic = false, int? startIndex = null)
    {
        ArgumentNullException.ThrowIfNull(queues);
        MessageQueues = queues;
        OrderTopic = orderTopic;
        _sendWhichQueue = startIndex ?? Random.Shared.Next(int.MaxValue);
    }

    public IReadOnlyList<MessageQueue> MessageQueues { get; }

    public bool OrderTopic { get; }

    public bool Ok => MessageQueues.Count > 0;

    /// <summary>topicRouteData2TopicPublishInfo.</summary>
    public static TopicPublishInfo FromRoute(string topic, TopicRouteData route, int? startIndex = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        var queues = new List<MessageQueue>();
        if (!string.IsNullOrEmpty(route.OrderTopicConf))
        {
            foreach (var item in route.OrderTopicConf.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = item.Split(':');
                if (parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var nums))
                {
                    for (var i = 0; i < nums; i++)
                    {
                        queues.Add(new MessageQueue(topic, parts[0], i));
                    }
                }
            }

            return new TopicPublishInfo(queues, orderTopic: true, startIndex);
        }

        foreach (var queueData in route.QueueDatas.OrderBy(q => q.BrokerName, StringComparer.Ordinal))
        {
            if (!PermName.IsWriteable(queueData.Perm))
            {
                continue;
            }

            var broker = route.BrokerDatas.FirstOrDefault(b => b.BrokerName == queueData.BrokerName);
            if (broker?.MasterAddr is null)
            {
                continue;
            }

            for (var i = 0; i < queueData.WriteQueueNums; i++)
            {
                queues.Add(new MessageQueue(topic, queueData.BrokerName, i));
            }
        }

        return new TopicPublishInfo(queues, orderTopic: false, startIndex);
    }

    /// <summary>
    /// The TBW102 fallback route for a topic without its own (updateTopicRouteInfoFromNameServer with isDefault):
    /// the default topic's queue data, read and write counts capped at <paramref name="defaultTopicQueueNums"/>.
    /// </summary>
    public static TopicRouteData FromDefaultRoute(TopicRouteData defaultRoute, int defaultTopicQueueNums)
    {
        ArgumentNullException.ThrowIfNull(defaultRoute);
        var route = new TopicRouteData { BrokerDatas = defaultRoute.BrokerDatas.Select(b => b.Clone()).ToList() };
        foreach (var queue in defaultRoute.QueueDatas)
        {
            var nums = Math.Min(defaultTopicQueueNums, queue.ReadQueueNums);
            route.QueueDatas.Add(queue with { ReadQueueNums = nums, WriteQueueNums = nums });
        }

        return route;
    }

    /// <summary>
    /// The next queue round-robin; when <paramref name="lastBrokerName"/> is given (a retry), the next one
    /// on another broker if there is one (selectOneMessageQueue).
    /// </summary>
    public MessageQueue SelectOneMessageQueue(string? lastBrokerName = null)
    {
        if (MessageQueues.Count == 0)
        {
            throw new InvalidOperationException("no message queue to select from");
        }

        if (lastBrokerName is not null)
        {
            for (var i = 0; i < MessageQueues.Count; i++)
            {
                var queue = MessageQueues[Next()];
                if (queue.BrokerName != lastBrokerName)
                {
                    return queue;
                }
            }
        }

        return MessageQueues[Next()];
    }

    private int Next() => (Interlocked.Increment(ref _sendWhichQueue) & int.MaxValue) % MessageQueues.Count;
}
