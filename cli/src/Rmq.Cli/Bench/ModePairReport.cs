namespace Rmq.Cli.Bench;

/// <summary>Two modes' medians and the throughput ratio candidate / baseline (0.9 = 10% lower).</summary>
public sealed record ModePairReport(string Pair, ModeMedians Baseline, ModeMedians Candidate)
{
    public double ThroughputRatio => Baseline.MessagesPerSecond > 0 ? Math.Round(Candidate.MessagesPerSecond / Baseline.MessagesPerSecond, 3) : double.NaN;
}
