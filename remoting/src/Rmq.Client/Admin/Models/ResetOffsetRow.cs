namespace Rmq.Client.Admin.Models;

/// <summary>One queue of <c>resetOffsetByTime</c>: the offset it was set to (and, on the fallback path, what it was).</summary>
public sealed record ResetOffsetRow(string Topic, string BrokerName, int QueueId, long NewOffset, long? BrokerOffset = null, long? ConsumerOffset = null, bool Applied = true);
