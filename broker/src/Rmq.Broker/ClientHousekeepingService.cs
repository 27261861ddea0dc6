using Rmq.Broker.Client;
using Serilog;

namespace Rmq.Broker;

/// <summary>
/// Periodic chores: drop clients without a heartbeat for 120 s (scan every 10 s) and persist consumer offsets
/// every flushConsumerOffsetInterval.
/// </summary>
internal sealed class ClientHousekeepingService : IAsyncDisposable
{
    private static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(10);

    private readonly ConsumerManager _consumers;
    private readonly ProducerManager _producers;
    private readonly Action _persistOffsets;
    private readonly TimeSpan _offsetFlushInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private Task[] _loops = [];

    public ClientHousekeepingService(ConsumerManager consumers, ProducerManager producers, Action persistOffsets, TimeSpan offsetFlushInterval, TimeProvider time, ILogger logger)
    {
        _consumers = consumers;
        _producers = producers;
        _persistOffsets = persistOffsets;
        _offsetFlushInterval = offsetFlushInterval > TimeSpan.Zero ? offsetFlushInterval : TimeSpan.FromSeconds(5);
        _time = time;
        _log = logger.ForContext<ClientHousekeepingService>();
    }

    public void Start()
    {
        _loops =
        [
            RunEveryAsync(ScanInterval, () =>
            {
                _consumers.ScanNotActiveChannel();
                _producers.ScanNotActiveChannel();
            }),
            RunEveryAsync(_offsetFlushInterval, _persistOffsets),
        ];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunEveryAsync(TimeSpan period, Action action)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    action();
                }
                catch (IOException e)
                {
                    _log.Error(e, "Housekeeping task failed");
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // stopped
        }
    }
}
