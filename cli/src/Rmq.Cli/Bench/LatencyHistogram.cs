using System.Numerics;

namespace Rmq.Cli.Bench;

/// <summary>
/// An HDR-style log-linear histogram of non-negative values (microseconds here): exact below 1024, then 512 sub-buckets
/// per power of two (relative error &lt; 0.2%). Recording is lock-free and allocation-free; one fixed array for the life.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 10;
    private const int SubBucketCount = 1 << SubBucketBits;   // 1024 exact values
    private const int HalfCount = SubBucketCount / 2;          // 512 per power of two above that
    private const int MaxShift = 40;                           // up to ~2^50 µs; anything larger is clamped

    private readonly long[] _counts = new long[SubBucketCount + (MaxShift * HalfCount)];
    private long _total;
    private long _sum;
    private long _max;
    private long _min = long.MaxValue;

    public long Count => Volatile.Read(ref _total);

    public long Max => Count == 0 ? 0 : Volatile.Read(ref _max);

    public long Min => Count == 0 ? 0 : Volatile.Read(ref _min);

    public double Mean => Count == 0 ? 0 : (double)Volatile.Read(ref _sum) / Count;

    public void Record(long value)
    {
        if (value < 0)
        {
            value = 0;
        }

        Interlocked.Increment(ref _counts[IndexOf(value)]);
        Interlocked.Add(ref _sum, value);
        Interlocked.Increment(ref _total);
        long seen;
        while (value > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, seen) != seen)
        {
        }

        while (value < (seen = Volatile.Read(ref _min)) && Interlocked.CompareExchange(ref _min, value, seen) != seen)
        {
        }
    }

    /// <summary>The nearest-rank percentile (0 &lt; p &lt;= 100): the smallest recorded value with at least p% of the samples at or below it, to the bucket's precision (never above the recorded max).</summary>
    public long Percentile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        // rounded first: 99.9 / 100 * 1000 is 999.0000000000001 in binary floating point
        var rank = Math.Max(1, (long)Math.Ceiling(Math.Round(p * total / 100.0, 6)));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(HighestEquivalent(i), Max);
            }
        }

        return Max;
    }

    internal static int IndexOf(long value)
    {
        if (value < SubBucketCount)
        {
            return (int)value;
        }

        var shift = (63 - BitOperations.LeadingZeroCount((ulong)value)) - (SubBucketBits - 1);   // value >> shift in [512, 1024)
        if (shift > MaxShift)
        {
            return SubBucketCount + (MaxShift * HalfCount) - 1;
        }

        return SubBucketCount + ((shift - 1) * HalfCount) + (int)((value >> shift) - HalfCount);
    }

    /// <summary>The largest value that lands in bucket <paramref name="index"/>.</summary>
    internal static long HighestEquivalent(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var shift = ((index - SubBucketCount) / HalfCount) + 1;
        var sub = ((index - SubBucketCount) % HalfCount) + HalfCount;
        return ((long)(sub + 1) << shift) - 1;
    }
}
