namespace Rmq.Configuration;

/// <summary>flushDiskType, with RocketMQ's names.</summary>
public enum FlushDiskType
{
    ASYNC_FLUSH,
    SYNC_FLUSH,
}
