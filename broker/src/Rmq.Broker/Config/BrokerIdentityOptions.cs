using Rmq.Store;

namespace Rmq.Broker.Config;

/// <summary>Who the broker is: cluster, broker group name, id (0 = master) and role.</summary>
public sealed record BrokerIdentityOptions
{
    public string ClusterName { get; init; } = "DefaultCluster";

    public string BrokerName { get; init; } = "broker-a";

    public long BrokerId { get; init; }

    public BrokerRole Role { get; init; } = BrokerRole.ASYNC_MASTER;

    public bool IsSlave => Role == BrokerRole.SLAVE;
}
