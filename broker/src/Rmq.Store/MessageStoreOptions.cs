namespace Rmq.Store;

/// <summary>
/// Store settings with RocketMQ's <c>MessageStoreConfig</c> key names (PascalCase) and defaults.
/// Binding from <c>broker.conf</c> is done elsewhere through the key table.
/// </summary>
public sealed record MessageStoreOptions
{
    public string StorePathRootDir { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "store");

    /// <summary>Commit log directory; null means <c>&lt;StorePathRootDir&gt;/commitlog</c>.</summary>
    public string? StorePathCommitLog { get; init; }

    public int MappedFileSizeCommitLog { get; init; } = 1024 * 1024 * 1024;

    /// <summary>Bytes per consume-queue file: 300 000 units of 20 bytes.</summary>
    public int MappedFileSizeConsumeQueue { get; init; } = 300_000 * ConsumeQueue.CqStoreUnitSize;

    public BrokerRole BrokerRole { get; init; } = BrokerRole.ASYNC_MASTER;
    public FlushDiskType FlushDiskType { get; init; } = FlushDiskType.ASYNC_FLUSH;
    public int SyncFlushTimeout { get; init; } = 5000;
    public int FlushIntervalCommitLog { get; init; } = 500;
    public int FlushCommitLogLeastPages { get; init; } = 4;
    public int FlushCommitLogThoroughInterval { get; init; } = 10_000;
    public int FlushIntervalConsumeQueue { get; init; } = 1000;
    public int FlushConsumeQueueLeastPages { get; init; } = 2;
    public int FlushConsumeQueueThoroughInterval { get; init; } = 60_000;

    /// <summary>Hour(s) of the day when expired files are deleted, <c>;</c>-separated.</summary>
    public string DeleteWhen { get; init; } = "04";

    /// <summary>Hours a commit-log file is kept.</summary>
    public int FileReservedTime { get; init; } = 72;

    public int DiskMaxUsedSpaceRatio { get; init; } = 75;

    /// <summary>RocketMQ system property <c>rocketmq.broker.diskSpaceCleanForciblyRatio</c>.</summary>
    public double DiskSpaceCleanForciblyRatio { get; init; } = 0.85;

    /// <summary>RocketMQ system property <c>rocketmq.broker.diskSpaceWarningLevelRatio</c>: above it writes are refused.</summary>
    public double DiskSpaceWarningLevelRatio { get; init; } = 0.90;

    public bool CleanFileForciblyEnable { get; init; } = true;
    public int CleanResourceInterval { get; init; } = 10_000;
    public int MaxMessageSize { get; init; } = 1024 * 1024 * 4;
    public bool CheckCRCOnRecover { get; init; } = true;
    public bool MessageIndexEnable { get; init; } = true;
    public int MaxHashSlotNum { get; init; } = 5_000_000;
    public int MaxIndexNum { get; init; } = 5_000_000 * 4;
    public int DefaultQueryMaxNum { get; init; } = 32;
    public int AccessMessageInMemoryMaxRatio { get; init; } = 40;
    public int MaxTransferBytesOnMessageInMemory { get; init; } = 1024 * 256;
    public int MaxTransferCountOnMessageInMemory { get; init; } = 32;
    public int MaxTransferBytesOnMessageInDisk { get; init; } = 1024 * 64;
    public int MaxTransferCountOnMessageInDisk { get; init; } = 8;
    public bool OffsetCheckInSlave { get; init; }

    /// <summary>An append holding the put lock longer than this makes <see cref="MessageStore.IsOSPageCacheBusy"/> true.</summary>
    public int OsPageCacheBusyTimeOutMills { get; init; } = 1000;

    /// <summary>Delay levels, used to compute the tags code (delivery time) of SCHEDULE_TOPIC_XXXX units.</summary>
    public string MessageDelayLevel { get; init; } = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

    internal string CommitLogPath => StorePathCommitLog ?? Path.Combine(StorePathRootDir, "commitlog");

    internal string ConsumeQueuePath => Path.Combine(StorePathRootDir, "consumequeue");

    internal string IndexPath => Path.Combine(StorePathRootDir, "index");
}
