namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One queue's offsets in a <see cref="TopicStatsTable"/> (TopicOffset.java).</summary>
public sealed record TopicOffset(long MinOffset, long MaxOffset, long LastUpdateTimestamp);
