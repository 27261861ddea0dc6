using System.Globalization;
using static Rmq.Configuration.ConfigKey;

namespace Rmq.Configuration;

/// <summary>
/// Every broker key rmq knows: RocketMQ 4.9.7's BrokerConfig, MessageStoreConfig, NettyServerConfig and
/// NettyClientConfig keys (names and defaults unchanged), plus rmq extensions marked
/// <see cref="ConfigKey.IsRmqExtension"/>. Machine-dependent defaults (host name, cores, home folder,
/// auto-detected address) are computed from <see cref="MachineInfo"/>.
/// Binding rules: a master's brokerId is forced to 0 (warning); a SLAVE needs brokerId &gt; 0 (error);
/// haListenPort is always listenPort + 1, as in RocketMQ 4.x (warning when set otherwise).
/// </summary>
public static class BrokerConfigKeys
{
    public const string BrokerClusterName = "brokerClusterName";
    public const string BrokerName = "brokerName";
    public const string BrokerId = "brokerId";
    public const string NamesrvAddr = "namesrvAddr";
    public const string BrokerIP1 = "brokerIP1";
    public const string BrokerIP2 = "brokerIP2";
    public const string BrokerPermission = "brokerPermission";
    public const string ListenPort = "listenPort";
    public const string AdvertisedListenPort = "advertisedListenPort";
    public const string HaListenPort = "haListenPort";
    public const string HaMasterAddress = "haMasterAddress";
    public const string BrokerRole = "brokerRole";
    public const string FlushDiskType = "flushDiskType";
    public const string StorePathRootDir = "storePathRootDir";
    public const string StorePathCommitLog = "storePathCommitLog";
    public const string MappedFileSizeCommitLog = "mappedFileSizeCommitLog";
    public const string MappedFileSizeConsumeQueue = "mappedFileSizeConsumeQueue";
    public const string DeleteWhen = "deleteWhen";
    public const string FileReservedTime = "fileReservedTime";
    public const string EnableDLegerCommitLog = "enableDLegerCommitLog";
    public const string RocketmqHome = "rocketmqHome";

    /// <summary>The broker's listen port when none is configured.</summary>
    public const int DefaultListenPort = 10911;

    public static ConfigKeyTable Table { get; } = new("broker", Build(), ApplyRules);

    private static string Cores(DefaultContext c, Func<int, int> f) => f(c.Machine.ProcessorCount).ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<ConfigKey> Build()
    {
        const string B = "BrokerConfig";
        const string S = "MessageStoreConfig";
        const string N = "NettyServerConfig";
        const string C = "NettyClientConfig";
        string[] roles = ["ASYNC_MASTER", "SYNC_MASTER", "SLAVE"];
        string[] flushTypes = ["ASYNC_FLUSH", "SYNC_FLUSH"];

        ConfigKey[] broker =
        [
            Str(RocketmqHome, null, "RocketMQ home folder") with { DefaultNote = "env ROCKETMQ_HOME", ComputedDefault = c => c.Machine.RocketmqHomeEnvironment },
            Str(BrokerClusterName, "DefaultCluster"),
            Str(BrokerName, null, "broker group name; master and slaves share it") with { DefaultNote = "local host name", ComputedDefault = c => c.Machine.HostName },
            Long(BrokerId, 0, "0 = master, > 0 = slave") with { Validator = KeyValidators.AtLeast(-1) },
            Str(NamesrvAddr, null, "name servers, ';'-separated host:port") with { DefaultNote = "env NAMESRV_ADDR", ComputedDefault = c => c.Machine.NamesrvAddrEnvironment, Validator = KeyValidators.AddressList },
            Str(BrokerIP1, null, "address registered for clients (brokerIP1:listenPort)") with { DefaultNote = "auto-detected local address (non-loopback IPv4 preferred)", ComputedDefault = c => c.Machine.LocalAddress },
            Str(BrokerIP2, null, "HA address (brokerIP2:haListenPort)") with { DefaultNote = "auto-detected local address, like brokerIP1", ComputedDefault = c => c.Machine.LocalAddress },
            Int(BrokerPermission, 6, "2 = write only, 4 = read only, 6 = read/write") with { Validator = KeyValidators.OneOf(2, 4, 6) },
            Int("defaultTopicQueueNums", 8, "queues of TBW102") with { Validator = KeyValidators.AtLeast(1) },
            Bool("autoCreateTopicEnable", true),
            Bool("clusterTopicEnable", true),
            Bool("brokerTopicEnable", true),
            Bool("autoCreateSubscriptionGroup", true),
            Str("messageStorePlugIn", ""),
            Bool("traceTopicEnable", false),
            Str("msgTraceTopicName", "RMQ_SYS_TRACE_TOPIC"),
            Int("sendMessageThreadPoolNums", 4) with { DefaultNote = "min(cores, 4)", ComputedDefault = c => Cores(c, n => Math.Min(n, 4)), Validator = KeyValidators.AtLeast(1) },
            Int("pullMessageThreadPoolNums", 16) with { DefaultNote = "16 + 2 x cores", ComputedDefault = c => Cores(c, n => 16 + (2 * n)), Validator = KeyValidators.AtLeast(1) },
            Int("processReplyMessageThreadPoolNums", 16) with { DefaultNote = "16 + 2 x cores", ComputedDefault = c => Cores(c, n => 16 + (2 * n)) },
            Int("queryMessageThreadPoolNums", 8) with { DefaultNote = "8 + cores", ComputedDefault = c => Cores(c, n => 8 + n), Validator = KeyValidators.AtLeast(1) },
            Int("adminBrokerThreadPoolNums", 16) with { Validator = KeyValidators.AtLeast(1) },
            Int("clientManageThreadPoolNums", 32) with { Validator = KeyValidators.AtLeast(1) },
            Int("consumerManageThreadPoolNums", 32) with { Validator = KeyValidators.AtLeast(1) },
            Int("heartbeatThreadPoolNums", 32) with { DefaultNote = "min(32, cores)", ComputedDefault = c => Cores(c, n => Math.Min(32, n)), Validator = KeyValidators.AtLeast(1) },
            Int("endTransactionThreadPoolNums", 24) with { DefaultNote = "8 + 2 x cores", ComputedDefault = c => Cores(c, n => 8 + (2 * n)) },
            Int("flushConsumerOffsetInterval", 5000),
            Int("flushConsumerOffsetHistoryInterval", 60000),
            Bool("rejectTransactionMessage", false),
            Bool("fetchNamesrvAddrByAddressServer", false),
            Int("sendThreadPoolQueueCapacity", 10000),
            Int("pullThreadPoolQueueCapacity", 100000),
            Int("replyThreadPoolQueueCapacity", 10000),
            Int("queryThreadPoolQueueCapacity", 20000),
            Int("clientManagerThreadPoolQueueCapacity", 1000000),
            Int("consumerManagerThreadPoolQueueCapacity", 1000000),
            Int("heartbeatThreadPoolQueueCapacity", 50000),
            Int("endTransactionPoolQueueCapacity", 100000),
            Int("filterServerNums", 0),
            Bool("longPollingEnable", true),
            Long("shortPollingTimeMills", 1000),
            Bool("notifyConsumerIdsChangedEnable", true),
            Bool("highSpeedMode", false),
            Bool("commercialEnable", true),
            Int("commercialTimerCount", 1),
            Int("commercialTransCount", 1),
            Int("commercialBigCount", 1),
            Int("commercialBaseCount", 1),
            Bool("transferMsgByHeap", true),
            Int("maxDelayTime", 40),
            Str("regionId", "DefaultRegion", "returned as MSG_REGION"),
            Int("registerBrokerTimeoutMills", 6000),
            Bool("slaveReadEnable", false),
            Bool("disableConsumeIfConsumerReadSlowly", false),
            Long("consumerFallbehindThreshold", 17179869184L),
            Bool("brokerFastFailureEnable", true),
            Long("waitTimeMillsInSendQueue", 200),
            Long("waitTimeMillsInPullQueue", 5000),
            Long("waitTimeMillsInHeartbeatQueue", 31000),
            Long("waitTimeMillsInTransactionQueue", 3000),
            Long("startAcceptSendRequestTimeStamp", 0),
            Bool("traceOn", true),
            Bool("enableCalcFilterBitMap", false),
            Int("expectConsumerNumUseFilter", 32),
            Int("maxErrorRateOfBloomFilter", 20),
            Long("filterDataCleanTimeSpan", 86400000L),
            Bool("filterSupportRetry", false),
            Bool("enablePropertyFilter", false),
            Bool("compressedRegister", false),
            Bool("forceRegister", true),
            Int("registerNameServerPeriod", 30000, "RocketMQ clamps it to [10000, 60000]"),
            Long("transactionTimeOut", 6000),
            Int("transactionCheckMax", 15),
            Long("transactionCheckInterval", 60000),
            Bool("aclEnable", false),
            Bool("storeReplyMessageEnable", true),
            Bool("autoDeleteUnusedStats", false),
        ];

        ConfigKey[] netty =
        [
            Int(ListenPort, DefaultListenPort, "remoting port; RocketMQ also opens listenPort-2 (VIP channel) and listenPort+1 (HA)") with { Validator = KeyValidators.Port },
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

        ConfigKey[] client =
        [
            Int("clientWorkerThreads", 4),
            Int("clientCallbackExecutorThreads", 4) with { DefaultNote = "cores", ComputedDefault = c => Cores(c, n => n) },
            Int("clientOnewaySemaphoreValue", 65535),
            Int("clientAsyncSemaphoreValue", 65535),
            Int("connectTimeoutMillis", 3000),
            Long("channelNotActiveInterval", 60000),
            Int("clientChannelMaxIdleTimeSeconds", 120),
            Int("clientSocketSndBufSize", 0),
            Int("clientSocketRcvBufSize", 0),
            Bool("clientPooledByteBufAllocatorEnable", false),
            Bool("clientCloseSocketIfTimeout", false),
            Bool("useTLS", false),
        ];

        ConfigKey[] store =
        [
            Str(StorePathRootDir, null, "store root folder") with { DefaultNote = "<user home>/store", ComputedDefault = c => Path.Combine(c.Machine.HomeDirectory, "store") },
            // as in RocketMQ, the default does NOT follow storePathRootDir: two brokers that only change the root share a CommitLog
            Str(StorePathCommitLog, null, "CommitLog folder") with { DefaultNote = "<user home>/store/commitlog (independent of storePathRootDir)", ComputedDefault = c => Path.Combine(c.Machine.HomeDirectory, "store", "commitlog") },
            Int(MappedFileSizeCommitLog, 1073741824, "CommitLog file size") with { Aliases = ["mapedFileSizeCommitLog"], Validator = KeyValidators.AtLeast(4096) },
            Int(MappedFileSizeConsumeQueue, 6000000, "ConsumeQueue file size (300000 x 20)") with { Aliases = ["mapedFileSizeConsumeQueue"], Validator = KeyValidators.AtLeast(20) },
            Bool("enableConsumeQueueExt", false),
            Int("mappedFileSizeConsumeQueueExt", 48 * 1024 * 1024),
            Int("bitMapLengthConsumeQueueExt", 64),
            Int("flushIntervalCommitLog", 500),
            Int("commitIntervalCommitLog", 200),
            Bool("useReentrantLockWhenPutMessage", true),
            Bool("flushCommitLogTimed", true),
            Int("flushIntervalConsumeQueue", 1000),
            Int("cleanResourceInterval", 10000),
            Int("deleteCommitLogFilesInterval", 100),
            Int("deleteConsumeQueueFilesInterval", 100),
            Int("destroyMapedFileIntervalForcibly", 120000),
            Int("redeleteHangedFileInterval", 120000),
            Str(DeleteWhen, "04", "hours of day to delete expired files, ';'-separated") with { Validator = KeyValidators.HoursOfDay },
            Int("diskMaxUsedSpaceRatio", 75, "% of the CommitLog disk; RocketMQ clamps it to [10, 95]"),
            Int(FileReservedTime, 72, "hours") with { Validator = KeyValidators.AtLeast(1) },
            Int("putMsgIndexHightWater", 600000),
            Int("maxMessageSize", 4194304) with { Validator = KeyValidators.AtLeast(1) },
            Bool("checkCRCOnRecover", true),
            Int("flushCommitLogLeastPages", 4),
            Int("commitCommitLogLeastPages", 4),
            Int("flushLeastPagesWhenWarmMapedFile", 4096),
            Int("flushConsumeQueueLeastPages", 2),
            Int("flushCommitLogThoroughInterval", 10000),
            Int("commitCommitLogThoroughInterval", 200),
            Int("flushConsumeQueueThoroughInterval", 60000),
            Int("maxTransferBytesOnMessageInMemory", 262144),
            Int("maxTransferCountOnMessageInMemory", 32),
            Int("maxTransferBytesOnMessageInDisk", 65536),
            Int("maxTransferCountOnMessageInDisk", 8),
            Int("accessMessageInMemoryMaxRatio", 40) with { Validator = KeyValidators.Range(0, 100) },
            Bool("messageIndexEnable", true),
            Int("maxHashSlotNum", 5000000),
            Int("maxIndexNum", 20000000),
            Int("maxMsgsNumBatch", 64),
            Bool("messageIndexSafe", false),
            Int(HaListenPort, 10912, "RocketMQ 4.x always uses listenPort + 1") with { DefaultNote = "listenPort + 1", ComputedDefault = c => HaPort(c.ValueOf(ListenPort)) },
            Int("haSendHeartbeatInterval", 5000),
            Int("haHousekeepingInterval", 20000),
            Int("haTransferBatchSize", 32768),
            Str(HaMasterAddress, null, "slave: fixed master HA address host:port"),
            Int("haSlaveFallbehindMax", 268435456),
            Enum(BrokerRole, "ASYNC_MASTER", roles),
            Enum(FlushDiskType, "ASYNC_FLUSH", flushTypes),
            Int("syncFlushTimeout", 5000),
            Int("slaveTimeout", 3000, "4.9.3+: how long a SYNC_MASTER waits for a slave ack"),
            Str("messageDelayLevel", "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h") with { Validator = KeyValidators.DelayLevels },
            Long("flushDelayOffsetInterval", 10000),
            Bool("cleanFileForciblyEnable", true),
            Bool("warmMapedFileEnable", false),
            Bool("offsetCheckInSlave", false),
            Bool("debugLockEnable", false),
            Bool("duplicationEnable", false),
            Bool("diskFallRecorded", true),
            Long("osPageCacheBusyTimeOutMills", 1000),
            Int("defaultQueryMaxNum", 32),
            Bool("transientStorePoolEnable", false),
            Int("transientStorePoolSize", 5),
            Bool("fastFailIfNoBufferInStorePool", false),
            Bool(EnableDLegerCommitLog, false, "DLedger mode (not supported by rmq)"),
            Str("dLegerGroup", null),
            Str("dLegerPeers", null),
            Str("dLegerSelfId", null),
            Str("preferredLeaderId", null),
            Bool("isEnableBatchPush", false),
            Bool("enableScheduleMessageStats", true),
        ];

        ConfigKey[] rmq =
        [
            Int(AdvertisedListenPort, DefaultListenPort, "rmq: the port registered with the name server (brokerIP1:advertisedListenPort), for a broker behind a mapped port") with
            {
                IsRmqExtension = true,
                DefaultNote = "listenPort",
                ComputedDefault = c => c.ValueOf(ListenPort),
                Validator = KeyValidators.Range(1, 65535),
            },
        ];

        return broker.Select(k => k with { Group = B })
            .Concat(netty.Select(k => k with { Group = N }))
            .Concat(client.Select(k => k with { Group = C }))
            .Concat(store.Select(k => k with { Group = S }))
            .Concat(rmq.Select(k => k with { Group = "rmq" }));
    }

    private static string HaPort(string? listenPort)
        => int.TryParse(listenPort, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int p)
            ? (p + 1).ToString(CultureInfo.InvariantCulture)
            : "10912";

    private static void ApplyRules(BindingRules rules)
    {
        var cfg = rules.Config;
        if (cfg.GetBool(EnableDLegerCommitLog))
        {
            rules.Warn("dledger", EnableDLegerCommitLog, "DLedger mode is not supported by rmq; role and brokerId rules are not checked");
            return;
        }

        var role = cfg.GetEnum<BrokerRole>(BrokerRole);
        long id = cfg.GetLong(BrokerId);
        if (role == Configuration.BrokerRole.SLAVE && id <= 0)
        {
            rules.Error("slave-broker-id", cfg.IsSet(BrokerId) ? BrokerId : BrokerRole,
                string.Create(CultureInfo.InvariantCulture, $"a SLAVE needs brokerId > 0 (brokerId is {id}); RocketMQ refuses to start"));
        }
        else if (role != Configuration.BrokerRole.SLAVE && id != 0)
        {
            rules.Warn("master-broker-id", BrokerId,
                string.Create(CultureInfo.InvariantCulture, $"brokerId {id} is forced to 0 because brokerRole is {role} (a master)"));
            rules.Force(BrokerId, 0L);
        }

        int listen = cfg.GetInt(ListenPort);
        if (cfg.IsSet(HaListenPort) && cfg.GetInt(HaListenPort) != listen + 1)
        {
            rules.Warn("ha-port-ignored", HaListenPort,
                string.Create(CultureInfo.InvariantCulture, $"ignored: RocketMQ 4.x always uses listenPort + 1 ({listen + 1}) for HA"));
        }

        rules.Force(HaListenPort, listen + 1);
    }
}
