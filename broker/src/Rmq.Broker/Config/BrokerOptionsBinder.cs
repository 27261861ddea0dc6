using Rmq.Configuration;
using Rmq.Store;
using K = Rmq.Configuration.BrokerConfigKeys;

namespace Rmq.Broker.Config;

/// <summary>Builds <see cref="BrokerOptions"/> from a bound broker.conf (key names unchanged from RocketMQ).</summary>
public static class BrokerOptionsBinder
{
    public static BrokerOptions FromConfig(BoundConfig config, string? configFilePath = null, string? namesrvAddrOverride = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var role = Enum.Parse<Store.BrokerRole>(config.GetEnum(K.BrokerRole));
        var flush = Enum.Parse<Store.FlushDiskType>(config.GetEnum(K.FlushDiskType));
        var listenPort = config.GetInt(K.ListenPort);
        var storeRoot = config.GetString(K.StorePathRootDir) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "store");
        var ip1 = config.GetString(K.BrokerIP1) ?? MachineInfo.DetectLocalAddress();
        var namesrv = string.IsNullOrWhiteSpace(namesrvAddrOverride) ? config.GetString(K.NamesrvAddr) : namesrvAddrOverride;
        return new BrokerOptions
        {
            ConfigFilePath = configFilePath,
            ConfigItems = config.ToDictionary(),
            Identity = new BrokerIdentityOptions
            {
                ClusterName = config.GetString(K.BrokerClusterName) ?? "DefaultCluster",
                BrokerName = config.GetString(K.BrokerName) ?? Environment.MachineName,
                BrokerId = config.GetLong(K.BrokerId),
                Role = role,
            },
            Network = new BrokerNetworkOptions
            {
                ListenPort = listenPort,
                BrokerIP1 = ip1,
                BrokerIP2 = config.GetString(K.BrokerIP2) ?? ip1,
                AdvertisedListenPort = config.GetInt(K.AdvertisedListenPort),
                NameServerAddresses = BrokerNetworkOptions.ParseAddresses(namesrv),
                ServerChannelMaxIdleTimeSeconds = config.GetInt("serverChannelMaxIdleTimeSeconds"),
                RegisterBrokerTimeout = TimeSpan.FromMilliseconds(config.GetInt("registerBrokerTimeoutMills")),
            },
            Messaging = new BrokerMessagingOptions
            {
                AutoCreateTopicEnable = config.GetBool("autoCreateTopicEnable"),
                DefaultTopicQueueNums = config.GetInt("defaultTopicQueueNums"),
                AutoCreateSubscriptionGroup = config.GetBool("autoCreateSubscriptionGroup"),
                BrokerPermission = config.GetInt(K.BrokerPermission),
                MaxMessageSize = config.GetInt("maxMessageSize"),
                LongPollingEnable = config.GetBool("longPollingEnable"),
                ShortPollingTimeMills = config.GetInt("shortPollingTimeMills"),
                NotifyConsumerIdsChangedEnable = config.GetBool("notifyConsumerIdsChangedEnable"),
                RegisterNameServerPeriod = config.GetInt("registerNameServerPeriod"),
                FlushConsumerOffsetInterval = config.GetInt("flushConsumerOffsetInterval"),
                TraceOn = config.GetBool("traceOn"),
                RegionId = config.GetString("regionId") ?? "DefaultRegion",
                ClusterTopicEnable = config.GetBool("clusterTopicEnable"),
                BrokerTopicEnable = config.GetBool("brokerTopicEnable"),
                SlaveReadEnable = config.GetBool("slaveReadEnable"),
                RejectTransactionMessage = config.GetBool("rejectTransactionMessage"),
                WaitTimeMillsInSendQueue = config.GetInt("waitTimeMillsInSendQueue"),
                BrokerFastFailureEnable = config.GetBool("brokerFastFailureEnable"),
            },
            Executors = new BrokerExecutorOptions
            {
                SendThreads = Math.Max(1, config.GetInt("sendMessageThreadPoolNums")),
                SendQueueCapacity = Math.Max(1, config.GetInt("sendThreadPoolQueueCapacity")),
                PullThreads = Math.Max(1, config.GetInt("pullMessageThreadPoolNums")),
                PullQueueCapacity = Math.Max(1, config.GetInt("pullThreadPoolQueueCapacity")),
                QueryThreads = Math.Max(1, config.GetInt("queryMessageThreadPoolNums")),
                QueryQueueCapacity = Math.Max(1, config.GetInt("queryThreadPoolQueueCapacity")),
                AdminThreads = Math.Max(1, config.GetInt("adminBrokerThreadPoolNums")),
                ClientManageThreads = Math.Max(1, config.GetInt("clientManageThreadPoolNums")),
                ClientManageQueueCapacity = Math.Max(1, config.GetInt("clientManagerThreadPoolQueueCapacity")),
                HeartbeatThreads = Math.Max(1, config.GetInt("heartbeatThreadPoolNums")),
                HeartbeatQueueCapacity = Math.Max(1, config.GetInt("heartbeatThreadPoolQueueCapacity")),
                ConsumerManageThreads = Math.Max(1, config.GetInt("consumerManageThreadPoolNums")),
                ConsumerManageQueueCapacity = Math.Max(1, config.GetInt("consumerManagerThreadPoolQueueCapacity")),
            },
            Store = new MessageStoreOptions
            {
                StorePathRootDir = storeRoot,
                StorePathCommitLog = config.GetString(K.StorePathCommitLog),
                MappedFileSizeCommitLog = config.GetInt(K.MappedFileSizeCommitLog),
                MappedFileSizeConsumeQueue = config.GetInt(K.MappedFileSizeConsumeQueue),
                BrokerRole = role,
                FlushDiskType = flush,
                SyncFlushTimeout = config.GetInt("syncFlushTimeout"),
                FlushIntervalCommitLog = config.GetInt("flushIntervalCommitLog"),
                FlushCommitLogLeastPages = config.GetInt("flushCommitLogLeastPages"),
                FlushCommitLogThoroughInterval = config.GetInt("flushCommitLogThoroughInterval"),
                FlushIntervalConsumeQueue = config.GetInt("flushIntervalConsumeQueue"),
                FlushConsumeQueueLeastPages = config.GetInt("flushConsumeQueueLeastPages"),
                FlushConsumeQueueThoroughInterval = config.GetInt("flushConsumeQueueThoroughInterval"),
                DeleteWhen = config.GetString(K.DeleteWhen) ?? "04",
                FileReservedTime = config.GetInt(K.FileReservedTime),
                DiskMaxUsedSpaceRatio = config.GetInt("diskMaxUsedSpaceRatio"),
                CleanFileForciblyEnable = config.GetBool("cleanFileForciblyEnable"),
                CleanResourceInterval = config.GetInt("cleanResourceInterval"),
                MaxMessageSize = config.GetInt("maxMessageSize"),
                CheckCRCOnRecover = config.GetBool("checkCRCOnRecover"),
                MessageIndexEnable = config.GetBool("messageIndexEnable"),
                MaxHashSlotNum = config.GetInt("maxHashSlotNum"),
                MaxIndexNum = config.GetInt("maxIndexNum"),
                DefaultQueryMaxNum = config.GetInt("defaultQueryMaxNum"),
                AccessMessageInMemoryMaxRatio = config.GetInt("accessMessageInMemoryMaxRatio"),
                MaxTransferBytesOnMessageInMemory = config.GetInt("maxTransferBytesOnMessageInMemory"),
                MaxTransferCountOnMessageInMemory = config.GetInt("maxTransferCountOnMessageInMemory"),
                MaxTransferBytesOnMessageInDisk = config.GetInt("maxTransferBytesOnMessageInDisk"),
                MaxTransferCountOnMessageInDisk = config.GetInt("maxTransferCountOnMessageInDisk"),
                OffsetCheckInSlave = config.GetBool("offsetCheckInSlave"),
                MessageDelayLevel = config.GetString("messageDelayLevel") ?? new MessageStoreOptions().MessageDelayLevel,
            },
        };
    }
}
