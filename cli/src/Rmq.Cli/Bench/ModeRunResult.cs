namespace Rmq.Cli.Bench;

/// <summary>One timed run of one mode in <c>rmq bench modes</c>.</summary>
public sealed record ModeRunResult(string Mode, int Round, long Sent, long Failed, double ElapsedSeconds, double MessagesPerSecond, double P50Ms, double P99Ms);
