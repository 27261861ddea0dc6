using System.Diagnostics;
using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Client.Producer;

namespace Rmq.Cli.Bench;

/// <summary>What one producer load sends: <see cref="Workers"/> senders, each keeping <see cref="PerWorker"/> sends in flight.</summary>
public sealed record ProducerLoadOptions(string Topic, byte[] Body, int Workers, int PerWorker, int Batch, TimeSpan Duration, long Count);

/// <summary>What a producer load achieved.</summary>
public sealed record ProducerLoadResult(long Sent, long SendFailed, long ResponseFailed, double ElapsedSeconds, LatencyHistogram Latency, string? FirstError)
{
    public double MessagesPerSecond => ElapsedSeconds > 0 ? Sent / ElapsedSeconds : 0;
}

/// <summary>
/// The send loop behind <c>rmq bench producer</c> and <c>rmq bench modes</c>: closed-loop senders over a started
/// <see cref="Producer"/>, each send waiting for the broker's answer; only SEND_OK counts as sent.
/// </summary>
public static class ProducerLoad
{
    /// <summary>Random lowercase letters, so compression or dedup on the way cannot shrink them.</summary>
    public static byte[] LetterBody(int size)
    {
        var body = new byte[size];
        Random.Shared.NextBytes(body);
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = (byte)('a' + (body[i] % 26));
        }

        return body;
    }

    public static async Task<ProducerLoadResult> RunAsync(Producer producer, ProducerLoadOptions options, IntervalStats? interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(options);
        var histogram = new LatencyHistogram();
        var topic = options.Topic;
        var body = options.Body;
        var batch = options.Batch;
        var count = options.Count;
        long claimed = 0, sent = 0, sendFailed = 0, responseFailed = 0;
        string? firstError = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration);

        // Claims the next n messages; 0 when --count is used up.
        int Claim()
        {
            if (count == 0)
            {
                return batch;
            }

            var end = Interlocked.Add(ref claimed, batch);
            var start = end - batch;
            return start >= count ? 0 : (int)Math.Min(batch, count - start);
        }

        async Task SendOneAsync(int n)
        {
            var begin = Stopwatch.GetTimestamp();
            try
            {
                SendResult result;
                if (n == 1)
                {
                    result = await producer.SendAsync(new Message(topic, body)).ConfigureAwait(false);
                }
                else
                {
                    var messages = new Message[n];
                    for (var i = 0; i < n; i++)
                    {
                        messages[i] = new Message(topic, body);
                    }

                    result = await producer.SendBatchAsync(messages).ConfigureAwait(false);
                }

                var micros = (long)Stopwatch.GetElapsedTime(begin).TotalMicroseconds;
                if (result.SendStatus == SendStatus.SEND_OK)
                {
                    histogram.Record(micros);
                    interval?.Success(n, (long)n * body.Length, micros);
                    Interlocked.Add(ref sent, n);
                }
                else
                {
                    Interlocked.CompareExchange(ref firstError, "send status " + result.SendStatus, null);
                    interval?.ResponseFailed(n);
                    Interlocked.Add(ref responseFailed, n);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                interval?.SendFailed(n);
                Interlocked.Add(ref sendFailed, n);
            }
        }

        async Task WorkerAsync()
        {
            await Task.Yield();
            var inFlight = new List<Task>(options.PerWorker);
            while (!stop.IsCancellationRequested)
            {
                var n = Claim();
                if (n == 0)
                {
                    break;
                }

                inFlight.Add(SendOneAsync(n));
                if (inFlight.Count >= options.PerWorker)
                {
                    var done = await Task.WhenAny(inFlight).ConfigureAwait(false);
                    inFlight.Remove(done);
                }
            }

            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => WorkerAsync())).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new ProducerLoadResult(sent, sendFailed, responseFailed, elapsed, histogram, firstError);
    }
}
