namespace Rmq.Broker.Protocol;

/// <summary>One queue's progress in GET_CONSUME_STATS.</summary>
public sealed record OffsetWrapper(long BrokerOffset, long ConsumerOffset, long LastTimestamp);
