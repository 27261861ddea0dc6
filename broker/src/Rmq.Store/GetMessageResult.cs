namespace Rmq.Store;

/// <summary>Result of a pull: status, offsets for the response header and the raw records back to back.</summary>
public sealed class GetMessageResult
{
    public required GetMessageStatus Status { get; init; }
    public long NextBeginOffset { get; init; }
    public long MinOffset { get; init; }
    public long MaxOffset { get; init; }

    /// <summary>Records as a pull response body carries them (each starting with its TOTALSIZE).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    public int MessageCount { get; init; }

    /// <summary>Queue offsets of the returned messages, in order.</summary>
    public IReadOnlyList<long> QueueOffsets { get; init; } = [];

    public bool SuggestPullingFromSlave { get; init; }
}
