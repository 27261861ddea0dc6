using System.Globalization;

namespace Rmq.Cli.Bench;

/// <summary>
/// <c>rmq bench modes</c>: starts every mode of the pairs at once (separate name servers and ports), warms each up,
/// then runs the same closed-loop load interleaved, baseline, candidate, baseline, candidate, ..., so that noise
/// from other work on the machine falls on both alike, and reports medians.
/// </summary>
public static class ModeComparison
{
    /// <summary>Port distance between the modes' clusters (a mode uses basePort + 0..11).</summary>
    private const int PortsPerMode = 100;

    public static async Task<ModeComparisonReport> RunAsync(ModeComparisonOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var variants = options.Pairs.SelectMany(p => new[] { p.Baseline, p.Candidate }).Distinct().ToList();
        var clusters = new Dictionary<BenchModeVariant, ModeBenchCluster>();
        var body = ProducerLoad.LetterBody(options.MessageSize);
        var load = new ProducerLoadOptions(ModeBenchCluster.Topic, body, options.InFlight, 1, 1, options.RunDuration, 0);
        var runs = new List<ModeRunResult>();
        try
        {
            for (var i = 0; i < variants.Count; i++)
            {
                var variant = variants[i];
                await progress.WriteLineAsync($"== {variant.Label}: starting").ConfigureAwait(false);
                clusters[variant] = await ModeBenchCluster.StartAsync(
                    variant,
                    Path.Combine(options.DataDir, variant.Label),
                    options.NamesrvPort + i,
                    options.BasePort + (i * PortsPerMode),
                    options.BrokerProperties,
                    TextWriter.Null,
                    cancellationToken).ConfigureAwait(false);
            }

            foreach (var variant in variants)
            {
                var warm = await clusters[variant].RunAsync(load with { Duration = options.Warmup }, cancellationToken).ConfigureAwait(false);
                await progress.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "== {0}: warm-up {1:N0} msgs/s", variant.Label, warm.MessagesPerSecond)).ConfigureAwait(false);
            }

            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var pair in options.Pairs)
                {
                    foreach (var variant in new[] { pair.Baseline, pair.Candidate })
                    {
                        var result = await clusters[variant].RunAsync(load, cancellationToken).ConfigureAwait(false);
                        var run = new ModeRunResult(
                            variant.Label,
                            round,
                            result.Sent,
                            result.SendFailed + result.ResponseFailed,
                            Math.Round(result.ElapsedSeconds, 3),
                            Math.Round(result.MessagesPerSecond, 1),
                            result.Latency.Percentile(50) / 1000.0,
                            result.Latency.Percentile(99) / 1000.0);
                        runs.Add(run);
                        await progress.WriteLineAsync(string.Format(
                            CultureInfo.InvariantCulture,
                            "round {0} {1,-12} {2,10:N0} msgs/s  p50 {3,7:F2} ms  p99 {4,7:F2} ms  failed {5}{6}",
                            round, variant.Label, run.MessagesPerSecond, run.P50Ms, run.P99Ms, run.Failed,
                            result.FirstError is null ? string.Empty : " (first: " + result.FirstError + ")")).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            foreach (var cluster in clusters.Values)
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
            }
        }

        var pairs = options.Pairs.Select(p => new ModePairReport(
            p.Name,
            ModeMedians.From(p.Baseline.Label, [.. runs.Where(r => r.Mode == p.Baseline.Label)]),
            ModeMedians.From(p.Candidate.Label, [.. runs.Where(r => r.Mode == p.Candidate.Label)]))).ToList();
        return new ModeComparisonReport(options.MessageSize, options.InFlight, options.RunDuration.TotalSeconds, options.Rounds, runs, pairs);
    }
}
