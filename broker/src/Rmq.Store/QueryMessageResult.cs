namespace Rmq.Store;

/// <summary>Result of a query by key: the records and the index's last update point (QUERY_MESSAGE response header).</summary>
public sealed class QueryMessageResult
{
    public required IReadOnlyList<StoredMessage> Messages { get; init; }

    /// <summary>The records back to back, as the QUERY_MESSAGE response body carries them.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    public long IndexLastUpdateTimestamp { get; init; }
    public long IndexLastUpdatePhyOffset { get; init; }
}
