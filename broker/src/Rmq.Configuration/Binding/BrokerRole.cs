namespace Rmq.Configuration;

/// <summary>brokerRole, with RocketMQ's names (bind with <c>GetEnum&lt;BrokerRole&gt;</c>).</summary>
public enum BrokerRole
{
    ASYNC_MASTER,
    SYNC_MASTER,
    SLAVE,
}
