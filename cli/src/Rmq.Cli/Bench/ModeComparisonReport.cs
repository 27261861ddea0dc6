namespace Rmq.Cli.Bench;

/// <summary>What <c>rmq bench modes</c> prints: the load, every run in the order it ran, and the pairs' medians.</summary>
public sealed record ModeComparisonReport(int MessageSize, int InFlight, double RunSeconds, int Rounds, IReadOnlyList<ModeRunResult> Runs, IReadOnlyList<ModePairReport> Pairs);
