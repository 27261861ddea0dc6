namespace Rmq.Store;

/// <summary>Decides which consume-queue units a pull returns (RocketMQ <c>MessageFilter</c>).</summary>
public interface IMessageFilter
{
    /// <summary>First check, on the unit's tags code.</summary>
    bool IsMatchedByConsumeQueue(long tagsCode);

    /// <summary>Second check, on the raw record (e.g. SQL92 on properties); default accepts.</summary>
    bool IsMatchedByCommitLog(ReadOnlySpan<byte> record) => true;
}
