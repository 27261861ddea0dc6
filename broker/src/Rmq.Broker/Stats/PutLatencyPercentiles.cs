namespace Rmq.Broker.Stats;

/// <summary>
/// Put latency in RocketMQ's fine buckets (1 ms steps to 20 ms, then 2, 5, 10, 50, 100 and 1000 ms steps to 10 s),
/// counted for a minute and then swapped out, for the runtime info's <c>putLatency99</c>/<c>putLatency999</c>
/// (Java's findPutMessageEntireTimePX over the last full minute, interpolated inside the bucket).
/// </summary>
public sealed class PutLatencyPercentiles
{
    private static readonly long[] UpperBounds = BuildBounds();

    private long[] _current = new long[UpperBounds.Length];
    private long[] _last = new long[UpperBounds.Length];

    public void Record(long millis)
    {
        var bucket = Array.BinarySearch(UpperBounds, millis);
        bucket = bucket >= 0 ? bucket : ~bucket;
        Interlocked.Increment(ref Volatile.Read(ref _current)[bucket]);
    }

    public void Roll()
    {
        var ended = Interlocked.Exchange(ref _current, new long[UpperBounds.Length]);
        Volatile.Write(ref _last, ended);
    }

    /// <summary>The latency (ms) below which <paramref name="fraction"/> of last minute's puts completed; 0 with none.</summary>
    public double Percentile(double fraction)
    {
        var last = Volatile.Read(ref _last);
        var counts = last.Select(c => Interlocked.Read(ref c)).ToArray();
        var total = counts.Sum();
        var index = (long)(total * fraction);
        long passed = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            if (index <= passed + count)
            {
                var relative = index - passed;
                var lower = i == 0 ? 0 : UpperBounds[i - 1];
                var upper = UpperBounds[i] == long.MaxValue ? lower : UpperBounds[i];
                return count == 0 ? lower : lower + ((upper - lower) * relative / (double)count);
            }

            passed += count;
        }

        return 0;
    }

    private static long[] BuildBounds()
    {
        var bounds = new List<long>();
        long at = 0;
        foreach (var (step, times) in new (long, int)[] { (1, 20), (2, 15), (5, 10), (10, 10), (50, 6), (100, 5), (1000, 9) })
        {
            for (var i = 0; i < times; i++)
            {
                at += step;
                bounds.Add(at);
            }
        }

        bounds.Add(long.MaxValue);
        return [.. bounds];
    }
}
