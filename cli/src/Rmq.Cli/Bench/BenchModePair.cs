namespace Rmq.Cli.Bench;

/// <summary>Two modes measured against each other; the ratio printed is <see cref="Candidate"/> / <see cref="Baseline"/>.</summary>
public sealed record BenchModePair(string Name, BenchModeVariant Baseline, BenchModeVariant Candidate)
{
    public static readonly BenchModePair Flush = new("flush", BenchModeVariant.AsyncFlush, BenchModeVariant.SyncFlush);

    public static readonly BenchModePair Master = new("master", BenchModeVariant.AsyncMaster, BenchModeVariant.SyncMaster);
}
