namespace Rmq.Client.Consumer;

/// <summary>What to do after a pull.</summary>
public enum PullAction
{
    /// <summary>Pull again at once from <see cref="PullOutcome.NextOffset"/>.</summary>
    PullNow,

    /// <summary>The offset was illegal: store <see cref="PullOutcome.NextOffset"/>, persist it and drop the queue (rebalance re-adds it).</summary>
    DropQueue,
}
