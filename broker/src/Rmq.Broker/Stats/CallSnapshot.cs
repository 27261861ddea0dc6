namespace Rmq.Broker.Stats;

/// <summary>One sample of a stats item: when, how many calls and the summed value so far.</summary>
public readonly record struct CallSnapshot(long Timestamp, long Times, long Value);
