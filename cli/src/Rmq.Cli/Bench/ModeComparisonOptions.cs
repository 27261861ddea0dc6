namespace Rmq.Cli.Bench;

/// <summary>What <see cref="ModeComparison"/> runs.</summary>
public sealed record ModeComparisonOptions(IReadOnlyList<BenchModePair> Pairs, int MessageSize, int InFlight, TimeSpan RunDuration, TimeSpan Warmup, int Rounds, string DataDir, int NamesrvPort, int BasePort)
{
    /// <summary>Broker properties (key=value lines) appended to every broker file, e.g. sendMessageThreadPoolNums=64.</summary>
    public IReadOnlyList<string> BrokerProperties { get; init; } = [];
}
