namespace Rmq.Broker.Stats;

/// <summary>What one window of a stats item says: the value added in it, per second, and per call.</summary>
public readonly record struct StatsSnapshot(long Sum, double Tps, double Avgpt, long Times);
