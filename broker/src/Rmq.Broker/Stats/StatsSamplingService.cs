using Serilog;

namespace Rmq.Broker.Stats;

/// <summary>
/// The clock of the broker's statistics: every second it samples the store-wide totals (for putTps and friends),
/// every 10 s, 10 min and hour the per-topic/group items' windows, and at local midnight the daily totals.
/// </summary>
public sealed class StatsSamplingService : IAsyncDisposable
{
    private readonly StoreStatsService _store;
    private readonly BrokerStatsManager _items;
    private readonly DailyMessageTotals _daily;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _tickLock = new();
    private Task? _loop;
    private long _nextSeconds;
    private long _nextMinutes;
    private long _nextHour;
    private DateTimeOffset _nextMidnight;
    private long _nextLatencyRoll;

    public StatsSamplingService(StoreStatsService store, BrokerStatsManager items, DailyMessageTotals daily, TimeProvider time, ILogger log)
    {
        _store = store;
        _items = items;
        _daily = daily;
        _time = time;
        _log = log.ForContext<StatsSamplingService>();
        var now = time.GetUtcNow();
        var millis = now.ToUnixTimeMilliseconds();
        _nextSeconds = millis + (long)StatsItem.SecondsPeriod.TotalMilliseconds;
        _nextMinutes = millis + (long)StatsItem.MinutesPeriod.TotalMilliseconds;
        _nextHour = millis + (long)StatsItem.HourPeriod.TotalMilliseconds;
        _nextLatencyRoll = millis + 60_000;
        _nextMidnight = NextLocalMidnight(now);
        _store.Sample(millis);
    }

    public void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>One round as the timer runs it; <paramref name="forceItems"/> also samples the items' minute windows now (tests).</summary>
    public void Tick(bool forceItems = false)
    {
        lock (_tickLock)
        {
            TickLocked(forceItems);
        }
    }

    private void TickLocked(bool forceItems)
    {
        var now = _time.GetUtcNow();
        var millis = now.ToUnixTimeMilliseconds();
        _store.Sample(millis);
        if (forceItems || millis >= _nextSeconds)
        {
            _items.SampleSeconds(millis);
            _nextSeconds = millis + (long)StatsItem.SecondsPeriod.TotalMilliseconds;
        }

        if (millis >= _nextMinutes)
        {
            _items.SampleMinutes(millis);
            _nextMinutes = millis + (long)StatsItem.MinutesPeriod.TotalMilliseconds;
        }

        if (millis >= _nextHour)
        {
            _items.SampleHour(millis);
            _nextHour = millis + (long)StatsItem.HourPeriod.TotalMilliseconds;
        }

        if (millis >= _nextLatencyRoll)
        {
            _store.RollPutLatency();
            _nextLatencyRoll = millis + 60_000;
        }

        if (now >= _nextMidnight)
        {
            _daily.Record();
            _nextMidnight = NextLocalMidnight(now);
            _log.Information("Yesterday put {Put} and got {Get} messages",
                _daily.MsgPutTotalTodayMorning - _daily.MsgPutTotalYesterdayMorning, _daily.MsgGetTotalTodayMorning - _daily.MsgGetTotalYesterdayMorning);
        }
    }

    private DateTimeOffset NextLocalMidnight(DateTimeOffset now)
    {
        var zone = _time.LocalTimeZone;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified).AddDays(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
