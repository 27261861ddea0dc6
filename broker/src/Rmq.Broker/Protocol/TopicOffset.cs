namespace Rmq.Broker.Protocol;

/// <summary>One queue's offsets in GET_TOPIC_STATS_INFO.</summary>
public sealed record TopicOffset(long MinOffset, long MaxOffset, long LastUpdateTimestamp);
