namespace Rmq.Cli.Bench;

/// <summary>What <see cref="ModeComparison"/> runs.</summary>
public sealed record ModeComparisonOptions(IReadOnlyList<BenchModePair> Pairs, int MessageSize, int InFlight, TimeSpan RunDuration, TimeSpan Warmup, int Rounds, string DataDir, int NamesrvPort, int BasePort);
