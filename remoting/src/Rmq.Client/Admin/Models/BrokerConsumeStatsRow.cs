namespace Rmq.Client.Admin.Models;

/// <summary>One queue of <c>brokerConsumeStats</c>: a group's progress on one queue of one broker.</summary>
public sealed record BrokerConsumeStatsRow(string Topic, string Group, string BrokerName, int QueueId, long BrokerOffset, long ConsumerOffset, long Diff, long LastTimestamp);
