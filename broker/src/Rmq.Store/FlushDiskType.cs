namespace Rmq.Store;

/// <summary>How the commit log reaches the disk (RocketMQ <c>flushDiskType</c>).</summary>
public enum FlushDiskType
{
    ASYNC_FLUSH,
    SYNC_FLUSH,
}
