namespace Rmq.Store;

/// <summary>One checked commit-log record, as the dispatcher needs it. Spans point into the mapped file.</summary>
internal ref struct DispatchRequest
{
    public int TotalSize;
    public long CommitLogOffset;
    public int QueueId;
    public long ConsumeQueueOffset;
    public int SysFlag;
    public long StoreTimestamp;
    public long PreparedTransactionOffset;
    public long TagsCode;
    public int DelayLevel;
    public ReadOnlySpan<byte> Topic;
    public ReadOnlySpan<byte> Keys;
    public ReadOnlySpan<byte> UniqKey;
}
