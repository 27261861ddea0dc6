namespace Rmq.Store;

/// <summary>Outcome of an append, with RocketMQ's names.</summary>
public enum PutMessageStatus
{
    PUT_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE,
    SERVICE_NOT_AVAILABLE,
    CREATE_MAPEDFILE_FAILED,
    MESSAGE_ILLEGAL,
    PROPERTIES_SIZE_EXCEEDED,
    OS_PAGECACHE_BUSY,
    UNKNOWN_ERROR,

    /// <summary>
    /// The store disk is above <c>diskSpaceWarningLevelRatio</c> (90 %); writes are refused until space returns.
    /// RocketMQ answers this case with SERVICE_NOT_AVAILABLE (14) and the remark "disk full".
    /// </summary>
    DISK_FULL,
}
