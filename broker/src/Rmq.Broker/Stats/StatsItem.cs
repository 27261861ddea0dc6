namespace Rmq.Broker.Stats;

/// <summary>
/// One counted thing (RocketMQ <c>StatsItem</c>): a value and a call count, added to without locks or allocation, and
/// three sampled windows: every 10 s keeping 7 samples (a minute), every 10 min keeping 7 (an hour), every hour keeping
/// 25 (a day).
/// </summary>
public sealed class StatsItem
{
    public static readonly TimeSpan SecondsPeriod = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinutesPeriod = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan HourPeriod = TimeSpan.FromHours(1);

    private readonly SampleWindow _minute = new(7, (long)SecondsPeriod.TotalMilliseconds);
    private readonly SampleWindow _hour = new(7, (long)MinutesPeriod.TotalMilliseconds);
    private readonly SampleWindow _day = new(25, (long)HourPeriod.TotalMilliseconds);
    private long _value;
    private long _times;

    /// <summary>Creates the item and takes its first sample of each window, as Java's item does on creation.</summary>
    public StatsItem(string statsName, string statsKey, long nowMillis)
    {
        StatsName = statsName;
        StatsKey = statsKey;
        SampleSeconds(nowMillis);
        SampleMinutes(nowMillis);
        SampleHour(nowMillis);
    }

    public string StatsName { get; }

    public string StatsKey { get; }

    public long Value => Interlocked.Read(ref _value);

    public long Times => Interlocked.Read(ref _times);

    public void Add(long value, long times)
    {
        Interlocked.Add(ref _value, value);
        Interlocked.Add(ref _times, times);
    }

    public void SampleSeconds(long nowMillis) => _minute.Add(nowMillis, Times, Value);

    public void SampleMinutes(long nowMillis) => _hour.Add(nowMillis, Times, Value);

    public void SampleHour(long nowMillis) => _day.Add(nowMillis, Times, Value);

    public StatsSnapshot InMinute => _minute.Compute();

    public StatsSnapshot InHour => _hour.Compute();

    public StatsSnapshot InDay => _day.Compute();
}
