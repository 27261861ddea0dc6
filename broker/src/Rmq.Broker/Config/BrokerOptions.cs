using Rmq.Ha;
using Rmq.Store;

namespace Rmq.Broker.Config;

/// <summary>Everything a broker is configured with, one small record per concern.</summary>
public sealed record BrokerOptions
{
    public BrokerIdentityOptions Identity { get; init; } = new();

    public BrokerNetworkOptions Network { get; init; } = new();

    public BrokerMessagingOptions Messaging { get; init; } = new();

    public BrokerExecutorOptions Executors { get; init; } = new();

    public MessageStoreOptions Store { get; init; } = new();

    /// <summary>Replication: HA port and timings; haListenPort is always listenPort + 1 (4.x).</summary>
    public HaOptions Ha { get; init; } = new();

    /// <summary>A slave copies its master's topics, offsets and groups first after this delay (RocketMQ: 3 s)...</summary>
    public TimeSpan SlaveSyncFirstDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>...and then at this period (RocketMQ: 10 s).</summary>
    public TimeSpan SlaveSyncPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The -c file UPDATE_BROKER_CONFIG persists into; null when started without one.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>All config items as <c>key=value</c> (GET_BROKER_CONFIG); null when built in code.</summary>
    public IReadOnlyDictionary<string, string?>? ConfigItems { get; init; }

    /// <summary><c>&lt;storePathRootDir&gt;/config</c>.</summary>
    public string ConfigDirectory => Path.Combine(Store.StorePathRootDir, "config");
}
