namespace Rmq.Cli.Bench;

/// <summary>The medians over every run of one mode (failed sends summed).</summary>
public sealed record ModeMedians(string Mode, int Runs, double MessagesPerSecond, double P50Ms, double P99Ms, long Failed)
{
    public static ModeMedians From(string mode, IReadOnlyList<ModeRunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new ModeMedians(
            mode,
            runs.Count,
            Math.Round(Median.Of(runs.Select(r => r.MessagesPerSecond)), 1),
            Math.Round(Median.Of(runs.Select(r => r.P50Ms)), 3),
            Math.Round(Median.Of(runs.Select(r => r.P99Ms)), 3),
            runs.Sum(r => r.Failed));
    }
}
