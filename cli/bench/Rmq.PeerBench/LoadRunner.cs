using System.Diagnostics;

namespace Rmq.PeerBench;

/// <summary>The three loads every broker gets: closed-loop produce at N in flight, read-back, and paced sends.</summary>
public static class LoadRunner
{
    /// <summary>Keeps <paramref name="inFlight"/> sends outstanding for <paramref name="duration"/>; returns (acked, failed, seconds).</summary>
    public static async Task<(long Acked, long Failed, double Seconds, string? FirstError)> ProduceAsync(IPeerDriver driver, ReadOnlyMemory<byte> body, int inFlight, TimeSpan duration)
    {
        long acked = 0, failed = 0;
        string? firstError = null;
        using var stop = new CancellationTokenSource(duration);
        async Task SenderAsync()
        {
            await Task.Yield();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await driver.SendAsync(body, CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Increment(ref acked);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                    Interlocked.Increment(ref failed);
                }
            }
        }

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => SenderAsync())).ConfigureAwait(false);
        return (acked, failed, Stopwatch.GetElapsedTime(started).TotalSeconds, firstError);
    }

    /// <summary>
    /// Sends at a fixed <paramref name="rate"/> for <paramref name="duration"/>, each latency measured from the
    /// moment the send was due (so a broker that falls behind shows it; no coordinated omission).
    /// Returns latencies in microseconds, sorted.
    /// </summary>
    public static async Task<long[]> PacedAsync(IPeerDriver driver, ReadOnlyMemory<byte> body, int rate, TimeSpan duration, int maxInFlight)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new long[total];
        var recorded = 0;
        using var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        var pending = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var ticksPerSend = Stopwatch.Frequency / (double)rate;
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * ticksPerSend);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency)).ConfigureAwait(false);
            }

            await slots.WaitAsync().ConfigureAwait(false);
            pending.Add(SendOneAsync(due));
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        var result = latencies.AsSpan(0, recorded).ToArray();
        Array.Sort(result);
        return result;

        async Task SendOneAsync(long due)
        {
            try
            {
                await driver.SendAsync(body, CancellationToken.None).ConfigureAwait(false);
                var micros = (long)((Stopwatch.GetTimestamp() - due) * 1_000_000.0 / Stopwatch.Frequency);
                latencies[Interlocked.Increment(ref recorded) - 1] = micros;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // a failed send has no latency; the produce runs count failures
            }
            finally
            {
                slots.Release();
            }
        }
    }

    public static double PercentileMs(long[] sortedMicros, double percentile) =>
        sortedMicros.Length == 0 ? double.NaN : sortedMicros[Math.Min(sortedMicros.Length - 1, (int)Math.Ceiling(percentile / 100 * sortedMicros.Length) - 1)] / 1000.0;
}
