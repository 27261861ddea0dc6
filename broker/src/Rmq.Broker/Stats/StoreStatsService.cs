using System.Globalization;

namespace Rmq.Broker.Stats;

/// <summary>
/// Broker-wide put and get totals with their per-second rates (RocketMQ <c>StoreStatsService</c>): what
/// GET_BROKER_RUNTIME_INFO reports as putTps, getFoundTps, msgPutTotalTodayNow and the put latency figures. Counting is
/// a few interlocked additions; the rates come from once-a-second samples taken by <see cref="StatsSamplingService"/>.
/// </summary>
public sealed class StoreStatsService
{
    private readonly RateSampler _put = new();
    private readonly RateSampler _getFoundRate = new();
    private readonly RateSampler _getMissRate = new();
    private readonly RateSampler _transferred = new();
    private long _putMessages;
    private long _putBytes;
    private long _putFailed;
    private long _getFound;
    private long _getMiss;
    private long _transferredMessages;
    private long _putEntireTimeMax;
    private long _getEntireTimeMax;

    public PutLatencyDistribution PutLatency { get; } = new();

    public PutLatencyPercentiles PutLatencyPercentiles { get; } = new();

    /// <summary>Messages stored so far (Java getPutMessageTimesTotal).</summary>
    public long PutMessageTimesTotal => Interlocked.Read(ref _putMessages);

    public long PutMessageSizeTotal => Interlocked.Read(ref _putBytes);

    public long PutMessageFailedTimes => Interlocked.Read(ref _putFailed);

    /// <summary>Messages handed to consumers so far (Java getMessageTransferedMsgCount).</summary>
    public long GetMessageTransferredMsgCount => Interlocked.Read(ref _transferredMessages);

    public long PutMessageEntireTimeMax => Interlocked.Read(ref _putEntireTimeMax);

    public long GetMessageEntireTimeMax => Interlocked.Read(ref _getEntireTimeMax);

    public void OnPut(int messages, long bytes, long elapsedMillis)
    {
        Interlocked.Add(ref _putMessages, messages);
        Interlocked.Add(ref _putBytes, bytes);
        PutLatency.Record(elapsedMillis);
        PutLatencyPercentiles.Record(elapsedMillis);
        RaiseMax(ref _putEntireTimeMax, elapsedMillis);
    }

    public void OnPutFailed() => Interlocked.Increment(ref _putFailed);

    public void OnGet(int messagesFound, long elapsedMillis)
    {
        if (messagesFound > 0)
        {
            Interlocked.Increment(ref _getFound);
            Interlocked.Add(ref _transferredMessages, messagesFound);
        }
        else
        {
            Interlocked.Increment(ref _getMiss);
        }

        RaiseMax(ref _getEntireTimeMax, elapsedMillis);
    }

    public void Sample(long nowMillis)
    {
        _put.Sample(nowMillis, PutMessageTimesTotal);
        _getFoundRate.Sample(nowMillis, Interlocked.Read(ref _getFound));
        _getMissRate.Sample(nowMillis, Interlocked.Read(ref _getMiss));
        _transferred.Sample(nowMillis, GetMessageTransferredMsgCount);
    }

    /// <summary>Starts a new minute of put latency counts (the runtime info shows the last full minute).</summary>
    public void RollPutLatency()
    {
        PutLatency.Roll();
        PutLatencyPercentiles.Roll();
    }

    /// <summary>Adds this service's keys to a GET_BROKER_RUNTIME_INFO table.</summary>
    public void AddRuntimeInfo(IDictionary<string, string> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var total = PutMessageTimesTotal;
        var divisor = total == 0 ? 1 : total;
        table["putMessageEntireTimeMax"] = S(PutMessageEntireTimeMax);
        table["putMessageTimesTotal"] = S(divisor);
        table["putMessageFailedTimes"] = S(PutMessageFailedTimes);
        table["putMessageSizeTotal"] = S(PutMessageSizeTotal);
        table["putMessageDistributeTime"] = PutLatency.Describe();
        table["putMessageAverageSize"] = JavaDouble.ToString(PutMessageSizeTotal / (double)divisor);
        table["dispatchMaxBuffer"] = "0";
        table["getMessageEntireTimeMax"] = S(GetMessageEntireTimeMax);
        table["putTps"] = _put.Describe();
        table["getFoundTps"] = _getFoundRate.Describe();
        table["getMissTps"] = _getMissRate.Describe();
        table["getTotalTps"] = string.Join(' ', new[] { 10, 60, 600 }.Select(s => JavaDouble.ToString(_getFoundRate.Tps(s) + _getMissRate.Tps(s))));
        table["getTransferedTps"] = _transferred.Describe();
        table["putLatency99"] = PutLatencyPercentiles.Percentile(0.99).ToString("0.00", CultureInfo.InvariantCulture);
        table["putLatency999"] = PutLatencyPercentiles.Percentile(0.999).ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static void RaiseMax(ref long max, long value)
    {
        var current = Interlocked.Read(ref max);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref max, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);
}
