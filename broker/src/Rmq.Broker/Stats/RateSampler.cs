namespace Rmq.Broker.Stats;

/// <summary>
/// A counter's total sampled once a second, the last 601 samples kept (RocketMQ StoreStatsService's call-snapshot
/// lists), for the per-second rate over the last 10, 60 and 600 seconds.
/// </summary>
public sealed class RateSampler
{
    public const int MaxSamples = 601;

    private readonly (long Timestamp, long Total)[] _ring = new (long, long)[MaxSamples];
    private readonly Lock _lock = new();
    private int _count;
    private int _next;

    public void Sample(long nowMillis, long total)
    {
        lock (_lock)
        {
            _ring[_next] = (nowMillis, total);
            _next = (_next + 1) % MaxSamples;
            _count = Math.Min(_count + 1, MaxSamples);
        }
    }

    /// <summary>
    /// Per second over the last <paramref name="seconds"/> samples. While fewer exist (the broker is younger than the
    /// window) the oldest sample is used, where Java prints an empty field; 0 with fewer than two samples.
    /// </summary>
    public double Tps(int seconds)
    {
        lock (_lock)
        {
            if (_count < 2)
            {
                return 0;
            }

            var last = _ring[(_next - 1 + MaxSamples) % MaxSamples];
            var back = Math.Min(seconds, _count - 1);
            var first = _ring[(_next - 1 - back + (2 * MaxSamples)) % MaxSamples];
            var elapsed = last.Timestamp - first.Timestamp;
            return elapsed > 0 ? (last.Total - first.Total) * 1000.0 / elapsed : 0;
        }
    }

    /// <summary>RocketMQ's runtime-info form: the 10 s, 60 s and 600 s rates, space separated, as Java prints doubles.</summary>
    public string Describe() => JavaDouble.ToString(Tps(10)) + " " + JavaDouble.ToString(Tps(60)) + " " + JavaDouble.ToString(Tps(600));
}
