using System.Globalization;
using Rmq.Broker.Stats;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Store;

namespace Rmq.Broker.Processors;

/// <summary>
/// GET_BROKER_RUNTIME_INFO (28): the KVTable mqadmin clusterList/brokerStatus print, with RocketMQ's keys and value
/// formats: the put/get totals and rates of <see cref="StoreStatsService"/>, the daily totals, queue sizes, the store's
/// offsets, disk use and the delay levels' progress.
/// </summary>
internal sealed class BrokerRuntimeInfoProcessor(
    BrokerContext broker,
    IReadOnlyDictionary<string, RequestExecutor> executors,
    RequestExecutor endTransaction,
    Func<IReadOnlyDictionary<int, long>> delayOffsets,
    DateTimeOffset bootTime) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var store = broker.Store;
        var up = broker.Time.GetUtcNow() - bootTime;
        var daily = broker.DailyTotals;
        var table = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["brokerVersionDesc"] = RemotingVersion.CurrentDescription,
            ["brokerVersion"] = S(RemotingVersion.Current),
            ["msgPutTotalYesterdayMorning"] = S(daily.MsgPutTotalYesterdayMorning),
            ["msgPutTotalTodayMorning"] = S(daily.MsgPutTotalTodayMorning),
            ["msgPutTotalTodayNow"] = S(daily.MsgPutTotalTodayNow),
            ["msgGetTotalYesterdayMorning"] = S(daily.MsgGetTotalYesterdayMorning),
            ["msgGetTotalTodayMorning"] = S(daily.MsgGetTotalTodayMorning),
            ["msgGetTotalTodayNow"] = S(daily.MsgGetTotalTodayNow),
            ["dispatchBehindBytes"] = S(store.DispatchBehindBytes),
            ["pageCacheLockTimeMills"] = "0",
            ["earliestMessageTimeStamp"] = S(EarliestMessageTime(store)),
            ["startAcceptSendRequestTimeStamp"] = "0",
            ["remainTransientStoreBufferNumbs"] = S(int.MaxValue),
            ["remainHowManyDataToFlush"] = JavaByteCount.ToString(Math.Max(0, store.MaxPhyOffset - store.FlushedPhyOffset)),
            ["commitLogMinOffset"] = S(store.MinPhyOffset),
            ["commitLogMaxOffset"] = S(store.MaxPhyOffset),
            ["bootTimestamp"] = S(bootTime.ToUnixTimeMilliseconds()),
            ["runtime"] = string.Create(CultureInfo.InvariantCulture, $"[ {up.Days} days, {up.Hours} hours, {up.Minutes} minutes, {up.Seconds} seconds ]"),
            ["EndTransactionQueueSize"] = S(endTransaction.QueueSize),
            ["EndTransactionThreadPoolQueueCapacity"] = S(endTransaction.Capacity),
        };
        broker.StoreStats.AddRuntimeInfo(table);
        foreach (var (prefix, executor) in executors)
        {
            table[prefix + "ThreadPoolQueueSize"] = S(executor.QueueSize);
            table[prefix + "ThreadPoolQueueCapacity"] = S(executor.Capacity);
            table[prefix + "ThreadPoolQueueHeadWaitTimeMills"] = S((long)executor.HeadWaitTime.TotalMilliseconds);
        }

        foreach (var (level, offset) in delayOffsets())
        {
            var max = store.GetMaxOffsetInQueue(MessageProperties.ScheduleTopic, level - 1);
            table["scheduleMessageOffset_" + S(level)] = S(offset) + "," + S(max);
        }

        AddDisk(table);
        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: new KvTable { Table = table }.Encode()));
    }

    /// <summary>Store time of the first message in the commit log (Java getEarliestMessageTime); -1 when there is none.</summary>
    private static long EarliestMessageTime(MessageStore store)
        => store.MaxPhyOffset > store.MinPhyOffset && store.LookMessageByOffset(store.MinPhyOffset) is { } first ? first.StoreTimestamp : -1;

    private void AddDisk(Dictionary<string, string> table)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(broker.Options.Store.StorePathRootDir));
            var total = drive.TotalSize;
            var ratio = JavaDouble.ToString(total > 0 ? (double)(total - drive.TotalFreeSpace) / total : -1);
            table["commitLogDirCapacity"] = $"Total : {JavaByteCount.ToString(total)}, Free : {JavaByteCount.ToString(drive.AvailableFreeSpace)}.";
            table["commitLogDiskRatio"] = ratio;
            table["consumeQueueDiskRatio"] = ratio;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            table["commitLogDiskRatio"] = "-1.0";
            table["consumeQueueDiskRatio"] = "-1.0";
        }
    }

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);
}
