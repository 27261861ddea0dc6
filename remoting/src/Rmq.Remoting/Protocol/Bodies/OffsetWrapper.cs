namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One queue's progress in <see cref="ConsumeStats"/> (OffsetWrapper.java).</summary>
public sealed record OffsetWrapper(long BrokerOffset, long ConsumerOffset, long LastTimestamp)
{
    /// <summary>Messages not yet consumed (never negative).</summary>
    public long Lag => Math.Max(0, BrokerOffset - ConsumerOffset);
}
