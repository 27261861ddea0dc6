using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>
/// Where a newly assigned queue starts (RebalancePushImpl.computePullFromWhere): the broker's committed
/// offset when there is one; otherwise LAST → max offset (0 for retry topics), FIRST → 0,
/// TIMESTAMP → the offset at the consume timestamp (max for retry topics); -1 = cannot tell yet.
/// </summary>
public static class ConsumeFromWhereCalculator
{
    /// <summary>No committed offset (the broker answered 22).</summary>
    public const long NotFound = -1;

    /// <summary>The committed offset could not be read (broker unreachable).</summary>
    public const long ReadFailed = -2;

    public static async Task<long> ComputeAsync(
        ConsumeFromWhere fromWhere, long lastOffset, bool retryTopic,
        Func<Task<long>> maxOffset, Func<Task<long>> searchByTimestamp)
    {
        ArgumentNullException.ThrowIfNull(maxOffset);
        ArgumentNullException.ThrowIfNull(searchByTimestamp);
        if (lastOffset >= 0)
        {
            return lastOffset;
        }

        if (lastOffset != NotFound)
        {
            return -1;
        }

        switch (fromWhere)
        {
            case ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET:
                return 0;
            case ConsumeFromWhere.CONSUME_FROM_TIMESTAMP:
                return await SafeAsync(retryTopic ? maxOffset : searchByTimestamp).ConfigureAwait(false);
            default: // LAST and its deprecated variants
                return retryTopic ? 0 : await SafeAsync(maxOffset).ConfigureAwait(false);
        }
    }

    private static async Task<long> SafeAsync(Func<Task<long>> query)
    {
        try
        {
            return await query().ConfigureAwait(false);
        }
        catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
        {
            return -1;
        }
    }
}
