namespace Rmq.Client.Admin.Models;

/// <summary>One row of <c>statsAll</c>: a topic and one consuming group (null: no consumer), with lag and rates.</summary>
public sealed record TopicGroupStats(string Topic, string? ConsumerGroup, long Accumulation, double InTps, double OutTps, long InMsg24Hour, long OutMsg24Hour);
