using System.Collections.Concurrent;
using System.Text;
using Rmq.Client;
using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.Remoting.Transport;

namespace Rmq.E2E.Support;

/// <summary>
/// A producer sending "&lt;prefix&gt;-&lt;i&gt;" bodies one after the other in the background, bounded in count and in
/// time, recording what was acknowledged (SEND_OK, with the broker that stored it), what came back with another status
/// and what failed (an exception after the client's own retries).
/// </summary>
public sealed class SendLoop : IAsyncDisposable
{
    private readonly Producer _producer;
    private readonly string _topic;
    private readonly string _prefix;
    private readonly int _maxCount;
    private readonly TimeSpan _pause;
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private int _attempts;

    private SendLoop(Producer producer, string topic, string prefix, int maxCount, TimeSpan maxDuration, TimeSpan pause)
    {
        _producer = producer;
        _topic = topic;
        _prefix = prefix;
        _maxCount = maxCount;
        _pause = pause;
        _stop = new CancellationTokenSource(maxDuration);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>SEND_OK: body to the broker name that stored it.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new(StringComparer.Ordinal);

    /// <summary>Answered with another status (FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE, ...): body to status.</summary>
    public ConcurrentDictionary<string, SendStatus> NotOk { get; } = new(StringComparer.Ordinal);

    /// <summary>Sends that threw after the client's retries: body to the error.</summary>
    public ConcurrentDictionary<string, string> Failed { get; } = new(StringComparer.Ordinal);

    public int Attempts => Volatile.Read(ref _attempts);

    public static async Task<SendLoop> StartAsync(ProducerOptions options, string topic, string prefix, int maxCount, TimeSpan maxDuration, TimeSpan? pause = null)
    {
        var producer = new Producer(options);
        await producer.StartAsync();
        return new SendLoop(producer, topic, prefix, maxCount, maxDuration, pause ?? TimeSpan.FromMilliseconds(10));
    }

    /// <summary>Waits until <paramref name="condition"/> holds or the loop has ended; false if it never held.</summary>
    public async Task<bool> WaitForAsync(Func<SendLoop, bool> condition, TimeSpan timeout)
    {
        await Eventually.TrueAsync(() => Task.FromResult(condition(this) || _loop.IsCompleted), timeout);
        return condition(this);
    }

    /// <summary>Ends the loop (after the send in flight) and waits for it.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public string Summary() => $"{Attempts} sends: {Acknowledged.Count} SEND_OK, {NotOk.Count} other status, {Failed.Count} failed"
        + (Failed.IsEmpty ? "" : $" (first: {Failed.OrderBy(f => f.Key, StringComparer.Ordinal).First().Value})");

    private async Task RunAsync()
    {
        for (var i = 0; i < _maxCount && !_stop.IsCancellationRequested; i++)
        {
            var body = $"{_prefix}-{i}";
            Interlocked.Increment(ref _attempts);
            try
            {
                var result = await _producer.SendAsync(new Message(_topic, Encoding.UTF8.GetBytes(body)));
                if (result.SendStatus == SendStatus.SEND_OK)
                {
                    Acknowledged[body] = result.MessageQueue.BrokerName;
                }
                else
                {
                    NotOk[body] = result.SendStatus;
                }
            }
            catch (Exception e) when (e is MQClientException or RemotingException or TimeoutException or IOException)
            {
                Failed[body] = e.GetType().Name + ": " + e.Message;
            }

            try
            {
                await Task.Delay(_pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _producer.DisposeAsync();
        _stop.Dispose();
    }
}
