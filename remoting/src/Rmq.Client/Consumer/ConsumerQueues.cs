using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Client.Consumer;

/// <summary>Route-to-queue and pull-request helpers shared by the push and pull consumers.</summary>
public static class ConsumerQueues
{
    /// <summary>The retry topic of a group: <c>%RETRY%group</c>.</summary>
    public static string RetryTopic(string consumerGroup) => "%RETRY%" + consumerGroup;

    public static bool IsRetryTopic(string topic) => topic.StartsWith("%RETRY%", StringComparison.Ordinal);

    /// <summary>The readable queues of a route (topicRouteData2TopicSubscribeInfo), sorted.</summary>
    public static IReadOnlyList<MessageQueue> SubscribeQueues(string topic, TopicRouteData route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var queues = new List<MessageQueue>();
        foreach (var queueData in route.QueueDatas)
        {
            if (PermName.IsReadable(queueData.Perm))
            {
                for (var i = 0; i < queueData.ReadQueueNums; i++)
                {
                    queues.Add(new MessageQueue(topic, queueData.BrokerName, i));
                }
            }
        }

        queues.Sort();
        return queues;
    }

    /// <summary>
    /// A push consumer's pull header (pullMessage + pullKernelImpl): COMMIT_OFFSET with the local offset when
    /// it is &gt; 0 and the target is not a slave, SUSPEND always, SUBSCRIPTION when the expression is sent.
    /// </summary>
    public static PullMessageRequestHeader BuildPullHeader(
        string consumerGroup, MessageQueue queue, SubscriptionData? subscription, long nextOffset, long localOffset,
        bool toSlave, bool postSubscription, int maxMsgNums, long suspendTimeoutMillis, bool suspend = true)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var commitOffset = localOffset > 0 && !toSlave;
        var subExpression = postSubscription && subscription is { ClassFilterMode: false } ? subscription.SubString : null;
        var sysFlag = (commitOffset ? PullSysFlag.CommitOffset : 0)
            | (suspend ? PullSysFlag.Suspend : 0)
            | (subExpression is not null ? PullSysFlag.Subscription : 0)
            | (subscription?.ClassFilterMode == true ? PullSysFlag.ClassFilter : 0);
        return new PullMessageRequestHeader
        {
            ConsumerGroup = consumerGroup,
            Topic = queue.Topic,
            QueueId = queue.QueueId,
            QueueOffset = nextOffset,
            MaxMsgNums = maxMsgNums,
            SysFlag = (int)sysFlag,
            CommitOffset = localOffset,
            SuspendTimeoutMillis = suspendTimeoutMillis,
            Subscription = subExpression,
            SubVersion = subscription?.SubVersion ?? 0,
            ExpressionType = subscription?.ExpressionType ?? SubscriptionData.ExpressionTypeTag,
        };
    }
}
