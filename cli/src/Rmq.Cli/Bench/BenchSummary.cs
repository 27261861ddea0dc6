using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rmq.Cli.Bench;

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencySummary(double MinMs, double AvgMs, double P50Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static LatencySummary From(LatencyHistogram micros) => new(
        micros.Min / 1000.0,
        Math.Round(micros.Mean / 1000.0, 3),
        micros.Percentile(50) / 1000.0,
        micros.Percentile(99) / 1000.0,
        micros.Percentile(99.9) / 1000.0,
        micros.Max / 1000.0);
}

public sealed record ProducerSummary(
    string Topic,
    int MessageSize,
    int Workers,
    bool Async,
    int Batch,
    long Sent,
    long SendFailed,
    long ResponseFailed,
    double ElapsedSeconds,
    double MessagesPerSecond,
    double MegabytesPerSecond,
    LatencySummary SendLatency)
{
    public long Failed => SendFailed + ResponseFailed;
}

public sealed record ConsumerSummary(
    string Topic,
    string Group,
    long Received,
    long Bytes,
    double ElapsedSeconds,
    double MessagesPerSecond,
    double MegabytesPerSecond,
    LatencySummary BornToConsume,
    LatencySummary StoreToConsume);

public static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
