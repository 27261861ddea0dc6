namespace Rmq.Client.Admin.Models;

/// <summary>One queue of <c>topicStatus</c>.</summary>
public sealed record TopicQueueStatus(string Topic, string BrokerName, int QueueId, long MinOffset, long MaxOffset, long LastUpdateTimestamp);
