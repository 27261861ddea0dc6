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
        var listenPort = Int(config, K.ListenPort);
        var storeRoot = config.GetString(K.StorePathRootDir) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "store");
        var ip1 = config.IsSet(K.BrokerIP1) ? config.GetString(K.BrokerIP1)! : DetectIPv4();
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
                BrokerIP2 = config.IsSet(K.BrokerIP2) ? config.GetString(K.BrokerIP2)! : ip1,
                AdvertisedListenPort = Int(config, K.AdvertisedListenPort),
                NameServerAddresses = BrokerNetworkOptions.ParseAddresses(namesrv),
                ServerChannelMaxIdleTimeSeconds = Int(config, "serverChannelMaxIdleTimeSeconds"),
                RegisterBrokerTimeout = TimeSpan.FromMilliseconds(Int(config, "registerBrokerTimeoutMills")),
            },
            Ha = new Rmq.Ha.HaOptions
            {
                HaListenPort = listenPort == 0 ? 0 : listenPort + 1,
                HaMasterAddress = config.GetString(K.HaMasterAddress) is { Length: > 0 } haMaster ? haMaster : null,
                HaSendHeartbeatInterval = Int(config, "haSendHeartbeatInterval"),
                HaHousekeepingInterval = Int(config, "haHousekeepingInterval"),
                HaTransferBatchSize = Int(config, "haTransferBatchSize"),
                HaSlaveFallbehindMax = config.GetLong("haSlaveFallbehindMax"),
                SlaveTimeout = Int(config, "slaveTimeout"),
            },
            Messaging = new BrokerMessagingOptions
            {
                AutoCreateTopicEnable = config.GetBool("autoCreateTopicEnable"),
                DefaultTopicQueueNums = Int(config, "defaultTopicQueueNums"),
                AutoCreateSubscriptionGroup = config.GetBool("autoCreateSubscriptionGroup"),
                BrokerPermission = Int(config, K.BrokerPermission),
                MaxMessageSize = Int(config, "maxMessageSize"),
                LongPollingEnable = config.GetBool("longPollingEnable"),
                ShortPollingTimeMills = Int(config, "shortPollingTimeMills"),
                NotifyConsumerIdsChangedEnable = config.GetBool("notifyConsumerIdsChangedEnable"),
                RegisterNameServerPeriod = Int(config, "registerNameServerPeriod"),
                FlushConsumerOffsetInterval = Int(config, "flushConsumerOffsetInterval"),
                TraceOn = config.GetBool("traceOn"),
                RegionId = config.GetString("regionId") ?? "DefaultRegion",
                ClusterTopicEnable = config.GetBool("clusterTopicEnable"),
                BrokerTopicEnable = config.GetBool("brokerTopicEnable"),
                SlaveReadEnable = config.GetBool("slaveReadEnable"),
                RejectTransactionMessage = config.GetBool("rejectTransactionMessage"),
                WaitTimeMillsInSendQueue = Int(config, "waitTimeMillsInSendQueue"),
                WaitTimeMillsInPullQueue = Int(config, "waitTimeMillsInPullQueue"),
                BrokerFastFailureEnable = config.GetBool("brokerFastFailureEnable"),
                TransactionTimeOut = config.GetLong("transactionTimeOut"),
                TransactionCheckMax = Int(config, "transactionCheckMax"),
                TransactionCheckInterval = config.GetLong("transactionCheckInterval"),
            },
            Executors = new BrokerExecutorOptions
            {
                SendThreads = Math.Max(1, Int(config, "sendMessageThreadPoolNums")),
                SendQueueCapacity = Math.Max(1, Int(config, "sendThreadPoolQueueCapacity")),
                PullThreads = Math.Max(1, Int(config, "pullMessageThreadPoolNums")),
                PullQueueCapacity = Math.Max(1, Int(config, "pullThreadPoolQueueCapacity")),
                QueryThreads = Math.Max(1, Int(config, "queryMessageThreadPoolNums")),
                QueryQueueCapacity = Math.Max(1, Int(config, "queryThreadPoolQueueCapacity")),
                AdminThreads = Math.Max(1, Int(config, "adminBrokerThreadPoolNums")),
                ClientManageThreads = Math.Max(1, Int(config, "clientManageThreadPoolNums")),
                ClientManageQueueCapacity = Math.Max(1, Int(config, "clientManagerThreadPoolQueueCapacity")),
                HeartbeatThreads = Math.Max(1, Int(config, "heartbeatThreadPoolNums")),
                HeartbeatQueueCapacity = Math.Max(1, Int(config, "heartbeatThreadPoolQueueCapacity")),
                ConsumerManageThreads = Math.Max(1, Int(config, "consumerManageThreadPoolNums")),
                ConsumerManageQueueCapacity = Math.Max(1, Int(config, "consumerManagerThreadPoolQueueCapacity")),
                EndTransactionThreads = Math.Max(1, Int(config, "endTransactionThreadPoolNums")),
                EndTransactionQueueCapacity = Math.Max(1, Int(config, "endTransactionPoolQueueCapacity")),
            },
            Store = new MessageStoreOptions
            {
                StorePathRootDir = storeRoot,
                // RocketMQ defaults storePathCommitLog to ~/store/commitlog even when storePathRootDir is set; rmq keeps
                // the commit log under the root unless the key is set explicitly, so two brokers never share one.
                StorePathCommitLog = config.IsSet(K.StorePathCommitLog) ? config.GetString(K.StorePathCommitLog) : null,
                MappedFileSizeCommitLog = Int(config, K.MappedFileSizeCommitLog),
                MappedFileSizeConsumeQueue = Int(config, K.MappedFileSizeConsumeQueue),
                BrokerRole = role,
                FlushDiskType = flush,
                SyncFlushTimeout = Int(config, "syncFlushTimeout"),
                FlushIntervalCommitLog = Int(config, "flushIntervalCommitLog"),
                FlushCommitLogLeastPages = Int(config, "flushCommitLogLeastPages"),
                FlushCommitLogThoroughInterval = Int(config, "flushCommitLogThoroughInterval"),
                FlushIntervalConsumeQueue = Int(config, "flushIntervalConsumeQueue"),
                FlushConsumeQueueLeastPages = Int(config, "flushConsumeQueueLeastPages"),
                FlushConsumeQueueThoroughInterval = Int(config, "flushConsumeQueueThoroughInterval"),
                DeleteWhen = config.GetString(K.DeleteWhen) ?? "04",
                FileReservedTime = Int(config, K.FileReservedTime),
                DiskMaxUsedSpaceRatio = Int(config, "diskMaxUsedSpaceRatio"),
                CleanFileForciblyEnable = config.GetBool("cleanFileForciblyEnable"),
                CleanResourceInterval = Int(config, "cleanResourceInterval"),
                MaxMessageSize = Int(config, "maxMessageSize"),
                CheckCRCOnRecover = config.GetBool("checkCRCOnRecover"),
                MessageIndexEnable = config.GetBool("messageIndexEnable"),
                MaxHashSlotNum = Int(config, "maxHashSlotNum"),
                MaxIndexNum = Int(config, "maxIndexNum"),
                DefaultQueryMaxNum = Int(config, "defaultQueryMaxNum"),
                AccessMessageInMemoryMaxRatio = Int(config, "accessMessageInMemoryMaxRatio"),
                MaxTransferBytesOnMessageInMemory = Int(config, "maxTransferBytesOnMessageInMemory"),
                MaxTransferCountOnMessageInMemory = Int(config, "maxTransferCountOnMessageInMemory"),
                MaxTransferBytesOnMessageInDisk = Int(config, "maxTransferBytesOnMessageInDisk"),
                MaxTransferCountOnMessageInDisk = Int(config, "maxTransferCountOnMessageInDisk"),
                OffsetCheckInSlave = config.GetBool("offsetCheckInSlave"),
                MessageDelayLevel = config.GetString("messageDelayLevel") ?? new MessageStoreOptions().MessageDelayLevel,
            },
        };
    }

    /// <summary>An int-valued key, whether the table declares it int or long (Java int fields declared long are clamped).</summary>
    private static int Int(BoundConfig config, string key) => config.Get(key).Value switch
    {
        int i => i,
        long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
        var other => Convert.ToInt32(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>brokerIP1's default: the first non-loopback IPv4 address of an interface that is up, else 127.0.0.1.</summary>
    public static string DetectIPv4()
    {
        try
        {
            return System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a))
                ?.ToString() ?? "127.0.0.1";
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            return "127.0.0.1";
        }
    }
}
