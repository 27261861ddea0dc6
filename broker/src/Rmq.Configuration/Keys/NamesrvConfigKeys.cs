using static Rmq.Configuration.ConfigKey;

namespace Rmq.Configuration;

/// <summary>Name server keys: RocketMQ 4.9.7's NamesrvConfig and NettyServerConfig (listenPort 9876).</summary>
public static class NamesrvConfigKeys
{
    public const string ListenPort = "listenPort";
    public const string RocketmqHome = "rocketmqHome";
    public const string KvConfigPath = "kvConfigPath";
    public const string ConfigStorePath = "configStorePath";
    public const string OrderMessageEnable = "orderMessageEnable";
    public const string ProductEnvName = "productEnvName";
    public const string ClusterTest = "clusterTest";

    public const int DefaultListenPort = 9876;

    public static ConfigKeyTable Table { get; } = new("namesrv", Build());

    private static IEnumerable<ConfigKey> Build()
    {
        ConfigKey[] namesrv =
        [
            Str(RocketmqHome, null) with { DefaultNote = "env ROCKETMQ_HOME", ComputedDefault = c => c.Machine.RocketmqHomeEnvironment },
            Str(KvConfigPath, null, "KV config store") with { DefaultNote = "<user home>/namesrv/kvConfig.json", ComputedDefault = c => Path.Combine(c.Machine.HomeDirectory, "namesrv", "kvConfig.json") },
            Str(ConfigStorePath, null) with { DefaultNote = "<user home>/namesrv/namesrv.properties", ComputedDefault = c => Path.Combine(c.Machine.HomeDirectory, "namesrv", "namesrv.properties") },
            Str(ProductEnvName, "center"),
            Bool(ClusterTest, false),
            Bool(OrderMessageEnable, false, "true: put orderTopicConf from KV ORDER_TOPIC_CONFIG into routes"),
        ];

        ConfigKey[] netty =
        [
            Int(ListenPort, DefaultListenPort) with { Validator = KeyValidators.Port },
            Int("serverWorkerThreads", 8),
            Int("serverCallbackExecutorThreads", 0),
            Int("serverSelectorThreads", 3),
            Int("serverOnewaySemaphoreValue", 256),
            Int("serverAsyncSemaphoreValue", 64),
            Int("serverChannelMaxIdleTimeSeconds", 120),
            Int("serverSocketSndBufSize", 0),
            Int("serverSocketRcvBufSize", 0),
            Bool("serverPooledByteBufAllocatorEnable", true),
            Bool("useEpollNativeSelector", false),
            Int("writeBufferHighWaterMark", 0),
            Int("writeBufferLowWaterMark", 0),
        ];

        return namesrv.Select(k => k with { Group = "NamesrvConfig" })
            .Concat(netty.Select(k => k with { Group = "NettyServerConfig" }));
    }
}
