namespace Rmq.PeerBench;

/// <summary>One round of every load against one broker (a JSON line in the results file).</summary>
public sealed record PeerRun
{
    public required string Target { get; init; }

    /// <summary>"async" (answered before fsync) or "sync" (answered after fsync).</summary>
    public required string Durability { get; init; }

    public required int Round { get; init; }

    /// <summary>Acknowledged msgs/s by sends in flight (1, 16, 64, 256).</summary>
    public required Dictionary<int, double> ProducePerSecond { get; init; }

    public required double ConsumePerSecond { get; init; }

    public required double PacedP50Ms { get; init; }

    public required double PacedP99Ms { get; init; }

    /// <summary>Broker CPU seconds (user + system, /proc) per million messages acknowledged, over every produce run.</summary>
    public required double CpuSecondsPerMillion { get; init; }

    public required long Failed { get; init; }

    public string? FirstError { get; init; }
}
