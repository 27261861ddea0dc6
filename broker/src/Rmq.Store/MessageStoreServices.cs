using Serilog;

namespace Rmq.Store;

/// <summary>What the store takes from its host besides options: logging, time, disk usage, listeners, hooks.</summary>
public sealed record MessageStoreServices
{
    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public IDiskSpaceSource DiskSpaceSource { get; init; } = DriveDiskSpaceSource.Instance;

    public IMessageArrivingListener? ArrivingListener { get; init; }

    public ISyncReplicationWaiter? ReplicationWaiter { get; init; }

    /// <summary>Physical memory for the "cold data" rule; default: what the GC reports as available.</summary>
    public long TotalPhysicalMemoryBytes { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Test hook run before each commit-log flush round (e.g. to make the disk slow).</summary>
    public Action? BeforeCommitLogFlush { get; init; }
}
