namespace Rmq.Store;

/// <summary>Result of an append. <see cref="MsgId"/> is computed on demand so an append allocates nothing for it.</summary>
public readonly record struct PutMessageResult
{
    private readonly long[]? _batchOffsets;

    public PutMessageResult(PutMessageStatus status) => Status = status;

    internal PutMessageResult(PutMessageStatus status, long wroteOffset, int wroteBytes, long logicsOffset, long storeTimestamp, HostAddress storeHost, int messageCount, long[]? batchOffsets)
    {
        Status = status;
        WroteOffset = wroteOffset;
        WroteBytes = wroteBytes;
        LogicsOffset = logicsOffset;
        StoreTimestamp = storeTimestamp;
        StoreHost = storeHost;
        MessageCount = messageCount;
        _batchOffsets = batchOffsets;
    }

    public PutMessageStatus Status { get; init; }

    /// <summary>Commit-log offset of the (first) record.</summary>
    public long WroteOffset { get; }

    /// <summary>Bytes written (all records of a batch).</summary>
    public int WroteBytes { get; }

    /// <summary>Queue offset of the (first) message.</summary>
    public long LogicsOffset { get; }

    public long StoreTimestamp { get; }

    public HostAddress StoreHost { get; }

    public int MessageCount { get; }

    public bool IsOk => Status == PutMessageStatus.PUT_OK;

    /// <summary>Offset message id(s); comma-separated for a batch.</summary>
    public string? MsgId
    {
        get
        {
            if (MessageCount == 0)
            {
                return null;
            }

            if (_batchOffsets is null)
            {
                return OffsetMessageId.Create(StoreHost, WroteOffset);
            }

            var host = StoreHost;
            return string.Join(',', _batchOffsets.Select(o => OffsetMessageId.Create(host, o)));
        }
    }

    internal PutMessageResult WithStatus(PutMessageStatus status) => this with { Status = status };
}
