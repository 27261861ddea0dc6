namespace Rmq.Cli.Bench;

/// <summary>Counters of one reporting interval (a second): swapped out by the reporter, lock-free to add to.</summary>
public sealed class IntervalStats
{
    private long _ok;
    private long _sendFailed;
    private long _responseFailed;
    private long _rtSumMicros;
    private long _rtMaxMicros;
    private long _rt2SumMicros;
    private long _rt2MaxMicros;
    private long _bytes;

    /// <summary>One success of <paramref name="messages"/> messages that took <paramref name="rtMicros"/> (and a second latency, the consumer's S2C).</summary>
    public void Success(int messages, long bytes, long rtMicros, long rt2Micros = 0)
    {
        Interlocked.Add(ref _ok, messages);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Add(ref _rtSumMicros, rtMicros * messages);
        Interlocked.Add(ref _rt2SumMicros, rt2Micros * messages);
        Max(ref _rtMaxMicros, rtMicros);
        Max(ref _rt2MaxMicros, rt2Micros);
    }

    public void SendFailed(int messages) => Interlocked.Add(ref _sendFailed, messages);

    public void ResponseFailed(int messages) => Interlocked.Add(ref _responseFailed, messages);

    /// <summary>Reads and zeroes the counters.</summary>
    public IntervalSnapshot TakeSnapshot() => new(
        Interlocked.Exchange(ref _ok, 0),
        Interlocked.Exchange(ref _sendFailed, 0),
        Interlocked.Exchange(ref _responseFailed, 0),
        Interlocked.Exchange(ref _rtSumMicros, 0),
        Interlocked.Exchange(ref _rtMaxMicros, 0),
        Interlocked.Exchange(ref _rt2SumMicros, 0),
        Interlocked.Exchange(ref _rt2MaxMicros, 0),
        Interlocked.Exchange(ref _bytes, 0));

    private static void Max(ref long target, long value)
    {
        long seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

public readonly record struct IntervalSnapshot(long Ok, long SendFailed, long ResponseFailed, long RtSumMicros, long RtMaxMicros, long Rt2SumMicros, long Rt2MaxMicros, long Bytes)
{
    public double AverageRtMs => Ok == 0 ? 0 : RtSumMicros / 1000.0 / Ok;

    public double AverageRt2Ms => Ok == 0 ? 0 : Rt2SumMicros / 1000.0 / Ok;
}

/// <summary>
/// Prints a line per interval until stopped, from a snapshot of <see cref="IntervalStats"/>. It runs on its own thread:
/// a loaded client can starve the thread pool, and the per-second lines must keep coming.
/// </summary>
public static class PerSecondReporter
{
    public static Task RunAsync(IntervalStats stats, Func<IntervalSnapshot, TimeSpan, string> format, TextWriter output, TimeSpan interval, CancellationToken stop) =>
        Task.Factory.StartNew(
            () =>
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                var last = start;
                for (var tick = 1; ; tick++)
                {
                    var wait = (interval * tick) - System.Diagnostics.Stopwatch.GetElapsedTime(start);
                    if (wait > TimeSpan.Zero && stop.WaitHandle.WaitOne(wait))
                    {
                        return;
                    }

                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    var now = System.Diagnostics.Stopwatch.GetTimestamp();
                    output.WriteLine(format(stats.TakeSnapshot(), System.Diagnostics.Stopwatch.GetElapsedTime(last, now)));
                    output.Flush();
                    last = now;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}

public static class BenchDuration
{
    /// <summary><c>60s</c>, <c>500ms</c>, <c>5m</c>, <c>1h</c>, or plain seconds; null when not a duration.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        (string Number, double Scale) split = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1)
            : t.EndsWith('m') ? (t[..^1], 60)
            : t.EndsWith('h') ? (t[..^1], 3600)
            : (t, 1);
        return double.TryParse(split.Number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds(value * split.Scale)
            : null;
    }
}
