namespace Rmq.Client.Admin.Models;

/// <summary>One queue of <c>consumerProgress</c>: broker and consumer offsets, lag, store time of the last consumed message.</summary>
public sealed record ConsumerProgressRow(string Topic, string BrokerName, int QueueId, long BrokerOffset, long ConsumerOffset, long Diff, long LastTimestamp);
