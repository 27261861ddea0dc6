using Rmq.Client.Consumer;
using Rmq.Client.Producer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.E2E.Support;

/// <summary>Options of rmq's own clients for the container scenarios: RocketMQ's defaults, with 1 s route refresh, heartbeat and rebalance so failover shows within seconds.</summary>
public static class ClusterClients
{
    public static readonly TimeSpan RouteRefresh = TimeSpan.FromSeconds(1);

    public static ProducerOptions Producer(string nameServer, string group, int retryTimesWhenSendFailed = 2) => new()
    {
        NameServerAddress = nameServer,
        ProducerGroup = group,
        InstanceName = group,
        PollNameServerInterval = RouteRefresh,
        HeartbeatBrokerInterval = RouteRefresh,
        RetryTimesWhenSendFailed = retryTimesWhenSendFailed,
    };

    public static PushConsumerOptions PushConsumer(string nameServer, string group) => new()
    {
        NameServerAddress = nameServer,
        ConsumerGroup = group,
        InstanceName = group,
        PollNameServerInterval = RouteRefresh,
        HeartbeatBrokerInterval = RouteRefresh,
        RebalanceInterval = RouteRefresh,
        PersistConsumerOffsetInterval = RouteRefresh,
        ConsumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
        PullTimeDelayWhenException = TimeSpan.FromMilliseconds(500),
    };
}
