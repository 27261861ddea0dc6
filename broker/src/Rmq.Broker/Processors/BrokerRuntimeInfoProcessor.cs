using System.Globalization;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Processors;

/// <summary>
/// GET_BROKER_RUNTIME_INFO (28): the KVTable mqadmin clusterList/brokerStatus print. Counters rmq does not
/// keep yet (TPS, put totals) are reported as zero in RocketMQ's formats.
/// </summary>
internal sealed class BrokerRuntimeInfoProcessor(BrokerContext broker, IReadOnlyDictionary<string, RequestExecutor> executors, DateTimeOffset bootTime) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var store = broker.Store;
        var now = broker.Time.GetUtcNow();
        var up = now - bootTime;
        var table = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["brokerVersionDesc"] = RemotingVersion.CurrentDescription,
            ["brokerVersion"] = S(RemotingVersion.Current),
            ["msgPutTotalYesterdayMorning"] = "0",
            ["msgPutTotalTodayMorning"] = "0",
            ["msgPutTotalTodayNow"] = "0",
            ["msgGetTotalYesterdayMorning"] = "0",
            ["msgGetTotalTodayMorning"] = "0",
            ["msgGetTotalTodayNow"] = "0",
            ["dispatchBehindBytes"] = S(store.DispatchBehindBytes),
            ["pageCacheLockTimeMills"] = "0",
            ["earliestMessageTimeStamp"] = "0",
            ["startAcceptSendRequestTimeStamp"] = "0",
            ["remainTransientStoreBufferNumbs"] = "0",
            ["remainHowManyDataToCommit"] = "0",
            ["remainHowManyDataToFlush"] = S(Math.Max(0, store.MaxPhyOffset - store.FlushedPhyOffset)),
            ["commitLogMinOffset"] = S(store.MinPhyOffset),
            ["commitLogMaxOffset"] = S(store.MaxPhyOffset),
            ["bootTimestamp"] = S(bootTime.ToUnixTimeMilliseconds()),
            ["runtime"] = string.Create(CultureInfo.InvariantCulture, $"[ {up.Days} days, {up.Hours} hours, {up.Minutes} minutes, {up.Seconds} seconds ]"),
            ["putMessageEntireTimeMax"] = "0",
            ["putMessageTimesTotal"] = "0",
            ["putMessageFailedTimes"] = "0",
            ["putMessageSizeTotal"] = "0",
            ["putMessageDistributeTime"] = "[<=0ms]:0 [0~10ms]:0 [10~50ms]:0 [50~100ms]:0 [100~200ms]:0 [200~500ms]:0 [500ms~1s]:0 [1~2s]:0 [2~3s]:0 [3~4s]:0 [4~5s]:0 [5~10s]:0 [10s~]:0 ",
            ["putMessageAverageSize"] = "0.0",
            ["dispatchMaxBuffer"] = "0",
            ["getMessageEntireTimeMax"] = "0",
            ["putTps"] = "0.0 0.0 0.0",
            ["getFoundTps"] = "0.0 0.0 0.0",
            ["getMissTps"] = "0.0 0.0 0.0",
            ["getTotalTps"] = "0.0 0.0 0.0",
            ["getTransferedTps"] = "0.0 0.0 0.0",
            ["EndTransactionQueueSize"] = "0",
            ["EndTransactionThreadPoolQueueCapacity"] = "100000",
        };
        foreach (var (prefix, executor) in executors)
        {
            table[prefix + "ThreadPoolQueueSize"] = S(executor.QueueSize);
            table[prefix + "ThreadPoolQueueCapacity"] = S(executor.Capacity);
            table[prefix + "ThreadPoolQueueHeadWaitTimeMills"] = S((long)executor.HeadWaitTime.TotalMilliseconds);
        }

        try
        {
            var drive = new DriveInfo(Path.GetFullPath(broker.Options.Store.StorePathRootDir));
            var total = drive.TotalSize;
            var free = drive.AvailableFreeSpace;
            table["commitLogDirCapacity"] = string.Create(CultureInfo.InvariantCulture, $"Total : {total / 1073741824.0:0.00} GiB, Free : {free / 1073741824.0:0.00} GiB.");
            table["commitLogDiskRatio"] = S(total > 0 ? (double)(total - free) / total : 0);
            table["consumeQueueDiskRatio"] = table["commitLogDiskRatio"];
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            table["commitLogDirCapacity"] = "Total : 0.00 GiB, Free : 0.00 GiB.";
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: new KvTable { Table = table }.Encode()));
    }

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString(CultureInfo.InvariantCulture);
}
