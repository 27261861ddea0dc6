namespace Rmq.Broker.Stats;

/// <summary>
/// The put and get totals as they stood at this morning's and yesterday's local midnight (RocketMQ <c>BrokerStats</c>),
/// from which mqadmin derives "today" and "yesterday" counts. Recorded by <see cref="StatsSamplingService"/> at each
/// local midnight; zero before the broker's first midnight, as in Java.
/// </summary>
public sealed class DailyMessageTotals(StoreStatsService store)
{
    private long _putYesterdayMorning;
    private long _putTodayMorning;
    private long _getYesterdayMorning;
    private long _getTodayMorning;

    public long MsgPutTotalYesterdayMorning => Interlocked.Read(ref _putYesterdayMorning);

    public long MsgPutTotalTodayMorning => Interlocked.Read(ref _putTodayMorning);

    public long MsgPutTotalTodayNow => store.PutMessageTimesTotal;

    public long MsgGetTotalYesterdayMorning => Interlocked.Read(ref _getYesterdayMorning);

    public long MsgGetTotalTodayMorning => Interlocked.Read(ref _getTodayMorning);

    public long MsgGetTotalTodayNow => store.GetMessageTransferredMsgCount;

    /// <summary>Midnight: today's morning becomes yesterday's, the current totals today's.</summary>
    public void Record()
    {
        Interlocked.Exchange(ref _putYesterdayMorning, MsgPutTotalTodayMorning);
        Interlocked.Exchange(ref _getYesterdayMorning, MsgGetTotalTodayMorning);
        Interlocked.Exchange(ref _putTodayMorning, MsgPutTotalTodayNow);
        Interlocked.Exchange(ref _getTodayMorning, MsgGetTotalTodayNow);
    }
}
