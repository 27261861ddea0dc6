namespace Rmq.NameServer;

/// <summary>The name server's settings, with RocketMQ's defaults (NamesrvConfig and its netty port).</summary>
public sealed record NameServerOptions
{
    private static readonly string Home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public int ListenPort { get; init; } = 9876;

    /// <summary>ROCKETMQ_HOME, when set.</summary>
    public string? RocketmqHome { get; init; } = Environment.GetEnvironmentVariable("ROCKETMQ_HOME");

    public string KvConfigPath { get; init; } = Path.Combine(Home, "namesrv", "kvConfig.json");

    public string ConfigStorePath { get; init; } = Path.Combine(Home, "namesrv", "namesrv.properties");

    public string ProductEnvName { get; init; } = "center";

    public bool ClusterTest { get; init; }

    /// <summary>Adds <c>orderTopicConf</c> from KV namespace ORDER_TOPIC_CONFIG to routes.</summary>
    public bool OrderMessageEnable { get; init; }

    /// <summary>How often brokers are checked for expiry; the first check runs after <see cref="ScanNotActiveBrokerDelay"/>.</summary>
    public TimeSpan ScanNotActiveBrokerInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ScanNotActiveBrokerDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A broker not heard from for longer than this is removed (BROKER_CHANNEL_EXPIRED_TIME).</summary>
    public TimeSpan BrokerChannelExpiredTime { get; init; } = TimeSpan.FromMinutes(2);
}
