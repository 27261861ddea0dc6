using Rmq.Client.NameServer;

namespace Rmq.Client.Admin.Models;

/// <summary>How long <c>drainBroker</c> waits and what it counts as quiet.</summary>
/// <param name="Timeout">Give up (and name what still writes) after this long.</param>
/// <param name="Grace">The master must have put nothing for this long...</param>
/// <param name="RouteRefresh">...and at least this long (the clients' pollNameServerInterval) must have passed since the wipe.</param>
/// <param name="CheckInterval">Time between two looks at the master's counters.</param>
public sealed record DrainOptions(TimeSpan Timeout, TimeSpan Grace, TimeSpan RouteRefresh, TimeSpan CheckInterval)
{
    public static DrainOptions Default { get; } = new(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
}

/// <summary>A client connected to the drained broker as a producer (GET_ALL_PRODUCER_INFO or GET_PRODUCER_CONNECTION_LIST).</summary>
public sealed record ProducerClient(string ProducerGroup, string ClientId, string ClientAddr, string Language, int Version);

/// <summary>The last message put on a queue that grew during the drain: who wrote it (the client address the broker saw).</summary>
public sealed record RecentWrite(string Topic, int QueueId, long QueueOffset, string BornHost, string? ProducerGroup, long StoreTimestamp, string MsgId);

/// <summary>One look at the master during a drain.</summary>
/// <param name="PutDelta">Messages put since the previous look, null when the master could not be read.</param>
/// <param name="Source">The signals read: <c>queueOffsets</c> (sum of every queue's max offset) and/or <c>runtimeInfo</c> (msgPutTotalTodayNow, commitLogMaxOffset); any of them moving is a write.</param>
/// <param name="QuietFor">Time since the last put seen (or since the wipe).</param>
public sealed record DrainCheck(TimeSpan Elapsed, string MasterAddress, double? PutTps, long? MsgPutTotalTodayNow, long? PutDelta, TimeSpan QuietFor, bool RouteRefreshPassed, string? Error, string? Source = null);

/// <summary>The outcome of <c>drainBroker</c>.</summary>
/// <param name="Drained">Quiet for the grace period after a route refresh; false: timed out.</param>
/// <param name="Producers">On a time-out, the producer clients connected to the master (GET_ALL_PRODUCER_INFO / GET_PRODUCER_CONNECTION_LIST, where the broker answers them).</param>
/// <param name="Writers">On a time-out, the last message of each queue that grew in the last grace period: topic, queue and the writing client's address.</param>
public sealed record DrainResult(
    string BrokerName, string MasterAddress, bool Drained, TimeSpan Elapsed, IReadOnlyList<NameServerResult<int>> Wipe,
    IReadOnlyList<NameServerResult<bool>> Recorded, IReadOnlyList<DrainCheck> Checks, long PutsDuringDrain, IReadOnlyList<ProducerClient> Producers, IReadOnlyList<RecentWrite> Writers);

/// <summary>A broker recorded as drained (KV <c>RMQ_DRAIN/&lt;brokerName&gt;</c>) and whether its route is writable again.</summary>
/// <param name="WritableQueues">Queue entries of the broker's topics that the name server lists with write perm (should be 0), null when not checked.</param>
/// <param name="Reapplied">The wipe sent again to every name server (<c>--reapply</c>), else null.</param>
public sealed record DrainState(string BrokerName, long DrainedSinceMillis, int? WritableQueues, IReadOnlyList<NameServerResult<int>>? Reapplied);
