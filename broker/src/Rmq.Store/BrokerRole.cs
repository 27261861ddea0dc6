namespace Rmq.Store;

/// <summary>RocketMQ <c>brokerRole</c>.</summary>
public enum BrokerRole
{
    ASYNC_MASTER,
    SYNC_MASTER,
    SLAVE,
}
