using Serilog;

namespace Rmq.Store;

/// <summary>Flushes consume queues every <c>flushIntervalConsumeQueue</c>, then the checkpoint.</summary>
internal sealed class ConsumeQueueFlushService
{
    private readonly ConsumeQueueTable _queues;
    private readonly StoreCheckpoint _checkpoint;
    private readonly MessageStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public ConsumeQueueFlushService(ConsumeQueueTable queues, StoreCheckpoint checkpoint, MessageStoreOptions options, TimeProvider time, ILogger log)
    {
        _queues = queues;
        _checkpoint = checkpoint;
        _options = options;
        _time = time;
        _log = log;
    }

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        FlushOnce(0);
        _stop.Dispose();
    }

    public void FlushOnce(int leastPages)
    {
        var logicsTimestamp = _checkpoint.LogicsMsgTimestamp;
        _queues.Flush(leastPages);
        if (logicsTimestamp > 0)
        {
            _checkpoint.LogicsMsgTimestamp = logicsTimestamp;
        }

        _checkpoint.Flush();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var lastThorough = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_options.FlushIntervalConsumeQueue), _time, cancellationToken).ConfigureAwait(false);
                var leastPages = _options.FlushConsumeQueueLeastPages;
                if (_time.GetElapsedTime(lastThorough).TotalMilliseconds >= _options.FlushConsumeQueueThoroughInterval)
                {
                    lastThorough = _time.GetTimestamp();
                    leastPages = 0;
                }

                FlushOnce(leastPages);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (IOException e)
            {
                _log.Error(e, "Consume queue flush failed");
            }
        }
    }
}
