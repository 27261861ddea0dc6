using Rmq.Client.Admin.Models;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.NameServer;
using Rmq.Client.Protocol;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Remoting.Transport;
using Serilog;

namespace Rmq.Client.Admin;

/// <summary>
/// The operations of mqadmin (DefaultMQAdminExt), one method each, returning typed models for the CLI,
/// the PowerShell module and <c>--output json</c>. Fleet operations report one outcome per broker or name
/// server instead of stopping at the first failure.
/// </summary>
public sealed partial class AdminClient : IAsyncDisposable
{
    /// <summary>mqadmin's consumer group for pulls (MixAll.TOOLS_CONSUMER_GROUP).</summary>
    public const string ToolsConsumerGroup = "TOOLS_CONSUMER";

    private readonly RemotingClient _remoting;
    private readonly bool _ownsRemoting = true;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <param name="nameServerAddress">"a:9876;b:9876"; null uses NAMESRV_ADDR.</param>
    /// <param name="timeout">Per call; mqadmin's default is 5 s.</param>
    public AdminClient(string? nameServerAddress, TimeSpan? timeout = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<AdminClient>();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _remoting = new RemotingClient(new RemotingClientOptions(), logger);
        var callTimeout = timeout ?? TimeSpan.FromSeconds(5);
        NameServer = new NameServerClient(nameServerAddress, _remoting, callTimeout, logger);
        Broker = new BrokerClient(_remoting, callTimeout, logger);
    }

    /// <summary>
    /// An admin client over a transport the caller owns and shares (the PowerShell module keeps one per
    /// session); disposing this client leaves <paramref name="remoting"/> open.
    /// </summary>
    /// <param name="nameServerAddresses">The name servers, at least one.</param>
    public AdminClient(IReadOnlyList<string> nameServerAddresses, RemotingClient remoting, TimeSpan? timeout = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(remoting);
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<AdminClient>();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _remoting = remoting;
        _ownsRemoting = false;
        var callTimeout = timeout ?? TimeSpan.FromSeconds(5);
        NameServer = new NameServerClient(nameServerAddresses, _remoting, callTimeout, logger);
        Broker = new BrokerClient(_remoting, callTimeout, logger);
    }

    public NameServerClient NameServer { get; }

    public BrokerClient Broker { get; }

    // ---- cluster and brokers ----

    public Task<ClusterInfo> GetClusterInfoAsync(CancellationToken cancellationToken = default) =>
        NameServer.GetBrokerClusterInfoAsync(cancellationToken);

    /// <summary><c>clusterList</c>: every broker of every cluster (or of <paramref name="clusterName"/>) with its runtime info.</summary>
    public async Task<IReadOnlyList<BrokerRuntimeRow>> ClusterListAsync(string? clusterName = null, CancellationToken cancellationToken = default)
    {
        var info = await NameServer.GetBrokerClusterInfoAsync(cancellationToken).ConfigureAwait(false);
        var targets = new List<(string Cluster, string BrokerName, long Id, string Address)>();
        foreach (var (cluster, brokerNames) in info.ClusterAddrTable.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (clusterName is not null && cluster != clusterName)
            {
                continue;
            }

            foreach (var brokerName in brokerNames)
            {
                if (info.BrokerAddrTable.TryGetValue(brokerName, out var broker))
                {
                    targets.AddRange(broker.BrokerAddrs.Select(a => (cluster, brokerName, a.Key, a.Value)));
                }
            }
        }

        return await Task.WhenAll(targets.Select(async t =>
        {
            try
            {
                var runtime = await Broker.GetBrokerRuntimeInfoAsync(t.Address, cancellationToken).ConfigureAwait(false);
                return new BrokerRuntimeRow(t.Cluster, t.BrokerName, t.Id, t.Address, runtime, null);
            }
            catch (Exception e) when (e is MQClientException or RemotingException)
            {
                return new BrokerRuntimeRow(t.Cluster, t.BrokerName, t.Id, t.Address, null, e.Message);
            }
        })).ConfigureAwait(false);
    }

    /// <summary><c>brokerStatus</c>: one broker's runtime KV table.</summary>
    public Task<IReadOnlyDictionary<string, string>> BrokerRuntimeInfoAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        Broker.GetBrokerRuntimeInfoAsync(brokerAddr, cancellationToken);

    public Task<SortedDictionary<string, string>> GetBrokerConfigAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        Broker.GetBrokerConfigAsync(brokerAddr, cancellationToken);

    /// <summary><c>updateBrokerConfig</c> on one broker (<paramref name="brokerAddr"/>) or every broker of a cluster.</summary>
    public Task<IReadOnlyList<BrokerOperationResult>> UpdateBrokerConfigAsync(
        IReadOnlyDictionary<string, string> properties, string? brokerAddr = null, string? clusterName = null, CancellationToken cancellationToken = default) =>
        OnBrokersAsync(brokerAddr, clusterName, mastersOnly: false, (address, ct) => Broker.UpdateBrokerConfigAsync(address, properties, ct), cancellationToken);

    /// <summary><c>cleanExpiredCQ</c> on one broker or every broker of a cluster (all clusters when both are null).</summary>
    public Task<IReadOnlyList<BrokerOperationResult>> CleanExpiredConsumeQueueAsync(string? brokerAddr = null, string? clusterName = null, CancellationToken cancellationToken = default) =>
        OnBrokersAsync(brokerAddr, clusterName, mastersOnly: false, Broker.CleanExpiredConsumeQueueAsync, cancellationToken);

    /// <summary><c>deleteExpiredCommitLog</c> on one broker or every broker of a cluster.</summary>
    public Task<IReadOnlyList<BrokerOperationResult>> DeleteExpiredCommitLogAsync(string? brokerAddr = null, string? clusterName = null, CancellationToken cancellationToken = default) =>
        OnBrokersAsync(brokerAddr, clusterName, mastersOnly: false, Broker.DeleteExpiredCommitLogAsync, cancellationToken);

    // ---- name servers ----

    public Task<IReadOnlyList<NameServerResult<int>>> WipeWritePermAsync(string brokerName, CancellationToken cancellationToken = default) =>
        NameServer.WipeWritePermOfBrokerAsync(brokerName, cancellationToken);

    public Task<IReadOnlyList<NameServerResult<int>>> AddWritePermAsync(string brokerName, CancellationToken cancellationToken = default) =>
        NameServer.AddWritePermOfBrokerAsync(brokerName, cancellationToken);

    public Task<IReadOnlyList<NameServerResult<bool>>> PutKvConfigAsync(string @namespace, string key, string value, CancellationToken cancellationToken = default) =>
        NameServer.PutKvConfigAsync(@namespace, key, value, cancellationToken);

    public Task<string?> GetKvConfigAsync(string @namespace, string key, CancellationToken cancellationToken = default) =>
        NameServer.GetKvConfigAsync(@namespace, key, cancellationToken);

    public Task<IReadOnlyList<NameServerResult<bool>>> DeleteKvConfigAsync(string @namespace, string key, CancellationToken cancellationToken = default) =>
        NameServer.DeleteKvConfigAsync(@namespace, key, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetKvListAsync(string @namespace, CancellationToken cancellationToken = default) =>
        NameServer.GetKvListByNamespaceAsync(@namespace, cancellationToken);

    public Task<IReadOnlyList<NameServerResult<SortedDictionary<string, string>>>> GetNamesrvConfigAsync(CancellationToken cancellationToken = default) =>
        NameServer.GetNamesrvConfigAsync(cancellationToken);

    public Task<IReadOnlyList<NameServerResult<bool>>> UpdateNamesrvConfigAsync(IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken = default) =>
        NameServer.UpdateNamesrvConfigAsync(properties, cancellationToken);

    // ---- topics ----

    /// <summary><c>topicList</c>: every topic, sorted.</summary>
    public async Task<IReadOnlyList<string>> TopicListAsync(string? clusterName = null, CancellationToken cancellationToken = default)
    {
        var list = clusterName is null
            ? await NameServer.GetAllTopicListAsync(cancellationToken).ConfigureAwait(false)
            : await NameServer.GetTopicsByClusterAsync(clusterName, cancellationToken).ConfigureAwait(false);
        return list.Topics.ToList();
    }

    public Task<TopicRouteData> TopicRouteAsync(string topic, CancellationToken cancellationToken = default) =>
        NameServer.GetTopicRouteAsync(topic, cancellationToken);

    /// <summary><c>topicStatus</c>: min/max offset and last update of every queue, from each broker's master.</summary>
    public async Task<IReadOnlyList<TopicQueueStatus>> TopicStatusAsync(string topic, CancellationToken cancellationToken = default)
    {
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var rows = new List<TopicQueueStatus>();
        foreach (var broker in route.BrokerDatas)
        {
            if (SelectAddress(broker) is not { } address)
            {
                continue;
            }

            var stats = await TopicStatsAsync(address, topic, cancellationToken).ConfigureAwait(false);
            rows.AddRange(stats.OffsetTable.Select(e => new TopicQueueStatus(e.Key.Topic, e.Key.BrokerName, e.Key.QueueId, e.Value.MinOffset, e.Value.MaxOffset, e.Value.LastUpdateTimestamp)));
        }

        return rows.OrderBy(r => r.BrokerName, StringComparer.Ordinal).ThenBy(r => r.QueueId).ToList();
    }

    /// <summary><c>updateTopic</c> on one broker (<paramref name="brokerAddr"/>) or every master of a cluster.</summary>
    public Task<IReadOnlyList<BrokerOperationResult>> CreateOrUpdateTopicAsync(
        TopicConfig config, string? clusterName = null, string? brokerAddr = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        return OnBrokersAsync(brokerAddr, clusterName, mastersOnly: true, (address, ct) => Broker.CreateTopicAsync(address, config, cancellationToken: ct), cancellationToken);
    }

    /// <summary>
    /// <c>updateTopicPerm</c>: re-creates the topic with <paramref name="perm"/> on the masters that hold it
    /// (only <paramref name="brokerName"/>'s when given), keeping queue counts from the route.
    /// </summary>
    public async Task<IReadOnlyList<BrokerOperationResult>> UpdateTopicPermAsync(string topic, int perm, string? brokerName = null, CancellationToken cancellationToken = default)
    {
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var results = new List<BrokerOperationResult>();
        foreach (var queueData in route.QueueDatas.Where(q => brokerName is null || q.BrokerName == brokerName))
        {
            var address = route.BrokerDatas.FirstOrDefault(b => b.BrokerName == queueData.BrokerName)?.MasterAddr;
            if (address is null)
            {
                results.Add(new BrokerOperationResult(queueData.BrokerName, string.Empty, false, null, "no master"));
                continue;
            }

            var config = new TopicConfig
            {
                TopicName = topic,
                ReadQueueNums = queueData.ReadQueueNums,
                WriteQueueNums = queueData.WriteQueueNums,
                Perm = perm,
                TopicSysFlag = queueData.TopicSysFlag,
            };
            results.Add(await OnBrokerAsync(queueData.BrokerName, address, ct => Broker.CreateTopicAsync(address, config, cancellationToken: ct), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary><c>deleteTopic</c>: DELETE_TOPIC_IN_BROKER on every master of the cluster, then DELETE_TOPIC_IN_NAMESRV on every name server.</summary>
    public async Task<TopicDeleteResult> DeleteTopicAsync(string topic, string clusterName, CancellationToken cancellationToken = default)
    {
        var brokers = await OnBrokersAsync(null, clusterName, mastersOnly: true, (address, ct) => Broker.DeleteTopicInBrokerAsync(address, topic, ct), cancellationToken).ConfigureAwait(false);
        var nameServers = await NameServer.DeleteTopicAsync(topic, clusterName, cancellationToken).ConfigureAwait(false);
        return new TopicDeleteResult(brokers, nameServers);
    }

    // ---- subscription groups ----

    public Task<IReadOnlyList<BrokerOperationResult>> CreateOrUpdateSubscriptionGroupAsync(
        SubscriptionGroupConfig config, string? clusterName = null, string? brokerAddr = null, CancellationToken cancellationToken = default) =>
        OnBrokersAsync(brokerAddr, clusterName, mastersOnly: true, (address, ct) => Broker.CreateSubscriptionGroupAsync(address, config, ct), cancellationToken);

    public Task<IReadOnlyList<BrokerOperationResult>> DeleteSubscriptionGroupAsync(
        string groupName, string? clusterName = null, string? brokerAddr = null, bool removeOffset = false, CancellationToken cancellationToken = default) =>
        OnBrokersAsync(brokerAddr, clusterName, mastersOnly: true, (address, ct) => Broker.DeleteSubscriptionGroupAsync(address, groupName, removeOffset, ct), cancellationToken);

    // ---- consumers and producers ----

    /// <summary>
    /// <c>consumerProgress</c>: GET_CONSUME_STATS from every broker of the route of <c>%RETRY%group</c>,
    /// merged; rows sorted by topic, broker, queue.
    /// </summary>
    public async Task<ConsumerProgress> ConsumerProgressAsync(string consumerGroup, string? topic = null, CancellationToken cancellationToken = default)
    {
        List<BrokerData> brokers;
        MQClientException? noRetryTopic = null;
        try
        {
            brokers = (await NameServer.GetTopicRouteAsync(ConsumerQueues.RetryTopic(consumerGroup), cancellationToken).ConfigureAwait(false)).BrokerDatas;
        }
        catch (MQClientException e) when (e.Code == ResponseCode.TopicNotExist)
        {
            // no %RETRY% topic registered (no consumer heartbeat yet): ask every broker for the group's offsets
            noRetryTopic = e;
            brokers = (await NameServer.GetBrokerClusterInfoAsync(cancellationToken).ConfigureAwait(false)).BrokerAddrTable.Values.OrderBy(b => b.BrokerName, StringComparer.Ordinal).ToList();
        }

        var rows = new List<ConsumerProgressRow>();
        var tps = 0.0;
        MQClientException? notOnline = null;
        foreach (var broker in brokers)
        {
            if (SelectAddress(broker) is not { } address)
            {
                continue;
            }

            ConsumeStats stats;
            try
            {
                stats = await ConsumeStatsAsync(address, consumerGroup, topic, cancellationToken).ConfigureAwait(false);
            }
            catch (MQClientException e) when (e.Code is ResponseCode.ConsumerNotOnline or ResponseCode.SubscriptionGroupNotExist)
            {
                notOnline = e;
                continue;
            }
            catch (RemotingException) when (noRetryTopic is not null)
            {
                // only guessing at brokers that might hold the group's offsets: an unreachable one is skipped
                continue;
            }

            tps += stats.ConsumeTps;
            rows.AddRange(stats.OffsetTable.Select(e => new ConsumerProgressRow(
                e.Key.Topic, e.Key.BrokerName, e.Key.QueueId, e.Value.BrokerOffset, e.Value.ConsumerOffset, e.Value.BrokerOffset - e.Value.ConsumerOffset, e.Value.LastTimestamp)));
        }

        if (rows.Count == 0 && notOnline is null && noRetryTopic is not null)
        {
            throw noRetryTopic;
        }

        if (rows.Count == 0 && notOnline is not null)
        {
            throw notOnline;
        }

        rows = rows.OrderBy(r => r.Topic, StringComparer.Ordinal).ThenBy(r => r.BrokerName, StringComparer.Ordinal).ThenBy(r => r.QueueId).ToList();
        return new ConsumerProgress(consumerGroup, tps, rows.Sum(r => r.Diff), rows);
    }

    /// <summary><c>consumerConnection</c>: the group's connections and subscriptions, from the first broker that knows them.</summary>
    public async Task<ConsumerConnection> ConsumerConnectionAsync(string consumerGroup, CancellationToken cancellationToken = default)
    {
        var route = await NameServer.GetTopicRouteAsync(ConsumerQueues.RetryTopic(consumerGroup), cancellationToken).ConfigureAwait(false);
        MQClientException? last = null;
        foreach (var broker in route.BrokerDatas)
        {
            if (SelectAddress(broker) is not { } address)
            {
                continue;
            }

            try
            {
                var connection = await Broker.GetConsumerConnectionListAsync(address, consumerGroup, cancellationToken).ConfigureAwait(false);
                if (connection.ConnectionSet.Count > 0)
                {
                    return connection;
                }
            }
            catch (MQClientException e)
            {
                last = e;
            }
        }

        throw last ?? new MQClientException(ResponseCode.ConsumerNotOnline, "Not found the consumer group connection", null);
    }

    /// <summary><c>producerConnection</c>: the group's connections on every broker of the topic, merged.</summary>
    public async Task<ProducerConnection> ProducerConnectionAsync(string producerGroup, string topic, CancellationToken cancellationToken = default)
    {
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var merged = new ProducerConnection();
        foreach (var broker in route.BrokerDatas)
        {
            if (SelectAddress(broker) is not { } address)
            {
                continue;
            }

            try
            {
                var connection = await Broker.GetProducerConnectionListAsync(address, producerGroup, cancellationToken).ConfigureAwait(false);
                merged.ConnectionSet.AddRange(connection.ConnectionSet.Where(c => !merged.ConnectionSet.Contains(c)));
            }
            catch (MQClientException e) when (e.Code != ResponseCode.RequestCodeNotSupported)
            {
                _logger.Debug(e, "No producer connection of {Group} on {Address}", producerGroup, address);
            }
        }

        return merged;
    }

    /// <summary>
    /// <c>resetOffsetByTime</c>: INVOKE_BROKER_TO_RESET_OFFSET on every master of the topic; when the group is
    /// offline (206) the old way instead: GET_CONSUME_STATS, SEARCH_OFFSET_BY_TIMESTAMP and UPDATE_CONSUMER_OFFSET per queue.
    /// </summary>
    /// <param name="timestampMillis">-1 = the max offset.</param>
    public async Task<IReadOnlyList<ResetOffsetRow>> ResetOffsetByTimeAsync(
        string consumerGroup, string topic, long timestampMillis, bool force = true, CancellationToken cancellationToken = default)
    {
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var rows = new List<ResetOffsetRow>();
        try
        {
            foreach (var broker in route.BrokerDatas)
            {
                if (broker.MasterAddr is { } address)
                {
                    var body = await Broker.InvokeBrokerToResetOffsetAsync(address, topic, consumerGroup, timestampMillis, force, cancellationToken).ConfigureAwait(false);
                    rows.AddRange(body.OffsetTable.Select(e => new ResetOffsetRow(e.Key.Topic, e.Key.BrokerName, e.Key.QueueId, e.Value)));
                }
            }

            return Sorted(rows);
        }
        catch (MQClientException e) when (e.Code is ResponseCode.ConsumerNotOnline or ResponseCode.RequestCodeNotSupported)
        {
            _logger.Information("Group {Group} is offline (or the broker cannot reset for it); resetting offsets directly", consumerGroup);
        }

        rows.Clear();
        foreach (var broker in route.BrokerDatas)
        {
            if (broker.MasterAddr is not { } address)
            {
                continue;
            }

            var stats = await ConsumeStatsAsync(address, consumerGroup, topic, cancellationToken).ConfigureAwait(false);
            foreach (var (queue, offsets) in stats.OffsetTable.Where(e => e.Key.Topic == topic))
            {
                var target = timestampMillis < 0
                    ? await Broker.GetMaxOffsetAsync(address, topic, queue.QueueId, cancellationToken).ConfigureAwait(false)
                    : await Broker.SearchOffsetAsync(address, topic, queue.QueueId, timestampMillis, cancellationToken).ConfigureAwait(false);
                var apply = force || target <= offsets.ConsumerOffset;
                if (apply)
                {
                    await Broker.UpdateConsumerOffsetAsync(address, consumerGroup, topic, queue.QueueId, target, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                rows.Add(new ResetOffsetRow(topic, queue.BrokerName, queue.QueueId, apply ? target : offsets.ConsumerOffset, offsets.BrokerOffset, offsets.ConsumerOffset, apply));
            }
        }

        return Sorted(rows);
    }

    private static List<ResetOffsetRow> Sorted(List<ResetOffsetRow> rows) =>
        rows.OrderBy(r => r.BrokerName, StringComparer.Ordinal).ThenBy(r => r.QueueId).ToList();

    // ---- messages ----

    /// <summary><c>queryMsgById</c> with an offset message id: VIEW_MESSAGE_BY_ID at the address the id encodes.</summary>
    public async Task<MessageExt> QueryMessageByIdAsync(string offsetMsgId, CancellationToken cancellationToken = default)
    {
        if (!MessageId.TryDecode(offsetMsgId, out var parts))
        {
            throw new MQClientException(ResponseCode.SystemError, $"not an offset message id: {offsetMsgId}", null);
        }

        return await Broker.ViewMessageAsync(parts.BrokerAddress, parts.CommitLogOffset, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>queryMsgByKey</c>: QUERY_MESSAGE on every broker of the topic (master, else a slave), merged.</summary>
    public Task<IReadOnlyList<MessageExt>> QueryMessageByKeyAsync(
        string topic, string key, int maxNum = 64, long beginTimestamp = 0, long endTimestamp = long.MaxValue, CancellationToken cancellationToken = default) =>
        QueryIndexAsync(topic, key, maxNum, beginTimestamp, endTimestamp, uniqueKey: false, cancellationToken);

    /// <summary><c>queryMsgByUniqueKey</c>: QUERY_MESSAGE by UNIQ_KEY from two days before the key's time on.</summary>
    public async Task<IReadOnlyList<MessageExt>> QueryMessageByUniqueKeyAsync(string topic, string uniqueKey, CancellationToken cancellationToken = default)
    {
        var begin = 0L;
        if (uniqueKey.Length is 32 or 56 && uniqueKey.All(Uri.IsHexDigit))
        {
            begin = UniqueKeyGenerator.GetNearlyTime(uniqueKey, _timeProvider.GetUtcNow(), _timeProvider.LocalTimeZone).AddDays(-2).ToUnixTimeMilliseconds();
        }

        var found = await QueryIndexAsync(topic, uniqueKey, 32, Math.Max(0, begin), long.MaxValue, uniqueKey: true, cancellationToken).ConfigureAwait(false);
        return found.Where(m => m.UniqueKey == uniqueKey).ToList();
    }

    /// <summary><c>queryMsgByOffset</c>: the message at <paramref name="offset"/> of one queue, or null.</summary>
    public async Task<MessageExt?> QueryMessageByOffsetAsync(string topic, string brokerName, int queueId, long offset, CancellationToken cancellationToken = default)
    {
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var address = route.BrokerDatas.FirstOrDefault(b => b.BrokerName == brokerName) is { } broker ? SelectAddress(broker) : null;
        if (address is null)
        {
            throw new MQClientException(ClientErrorCode.BrokerNotExistException, $"The broker[{brokerName}] not exist", null);
        }

        var queue = new MessageQueue(topic, brokerName, queueId);
        var header = ConsumerQueues.BuildPullHeader(ToolsConsumerGroup, queue, SubscriptionData.ForTags(topic, "*", 0), offset, 0, toSlave: false, postSubscription: true, 1, 20_000, suspend: false);
        var result = await Broker.PullMessageAsync(address, header, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        return result.DecodeMessages(brokerName).FirstOrDefault(m => m.QueueOffset == offset);
    }

    private async Task<IReadOnlyList<MessageExt>> QueryIndexAsync(
        string topic, string key, int maxNum, long beginTimestamp, long endTimestamp, bool uniqueKey, CancellationToken cancellationToken)
    {
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var messages = new List<MessageExt>();
        foreach (var broker in route.BrokerDatas)
        {
            foreach (var address in broker.BrokerAddrs.OrderBy(a => a.Key).Select(a => a.Value))
            {
                try
                {
                    var result = await Broker.QueryMessageAsync(address, topic, key, maxNum, beginTimestamp, endTimestamp, uniqueKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                    foreach (var message in result.Messages)
                    {
                        message.BrokerName = broker.BrokerName;
                    }

                    messages.AddRange(result.Messages.Where(m => uniqueKey || m.KeyList.Contains(key)));
                    break;
                }
                catch (Exception e) when (e is MQClientException or RemotingException)
                {
                    _logger.Debug(e, "Query message on {Address} failed, trying the next address", address);
                }
            }
        }

        return messages.DistinctBy(m => m.OffsetMsgId).ToList();
    }

    // ---- plumbing ----

    /// <summary>The master's address, else any (BrokerData.selectBrokerAddr).</summary>
    private static string? SelectAddress(BrokerData broker) => broker.MasterAddr ?? broker.BrokerAddrs.Values.FirstOrDefault();

    private async Task<IReadOnlyList<BrokerOperationResult>> OnBrokersAsync(
        string? brokerAddr, string? clusterName, bool mastersOnly, Func<string, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var targets = await ResolveBrokersAsync(brokerAddr, clusterName, mastersOnly, cancellationToken).ConfigureAwait(false);
        var results = new List<BrokerOperationResult>();
        foreach (var (brokerName, address) in targets)
        {
            results.Add(await OnBrokerAsync(brokerName, address, ct => operation(address, ct), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private static async Task<BrokerOperationResult> OnBrokerAsync(string brokerName, string address, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        try
        {
            await operation(cancellationToken).ConfigureAwait(false);
            return new BrokerOperationResult(brokerName, address, true);
        }
        catch (MQClientException e)
        {
            return new BrokerOperationResult(brokerName, address, false, e.Code, e.Remark ?? e.Message);
        }
        catch (RemotingException e)
        {
            return new BrokerOperationResult(brokerName, address, false, null, e.Message);
        }
    }

    /// <summary>The brokers an operation targets: the one address given, or the (master) brokers of a cluster, or of every cluster.</summary>
    public async Task<IReadOnlyList<(string BrokerName, string Address)>> ResolveBrokersAsync(
        string? brokerAddr, string? clusterName, bool mastersOnly, CancellationToken cancellationToken = default)
    {
        if (brokerAddr is null && clusterName is null && mastersOnly)
        {
            throw new MQClientException("give a broker address or a cluster name");
        }

        var info = await NameServer.GetBrokerClusterInfoAsync(cancellationToken).ConfigureAwait(false);
        if (brokerAddr is not null)
        {
            var name = info.BrokerAddrTable.Values.FirstOrDefault(b => b.BrokerAddrs.ContainsValue(brokerAddr))?.BrokerName ?? brokerAddr;
            return [(name, brokerAddr)];
        }

        var names = clusterName is null
            ? info.ClusterAddrTable.Values.SelectMany(n => n)
            : info.ClusterAddrTable.TryGetValue(clusterName, out var set) ? set : throw new MQClientException($"cluster [{clusterName}] not exist");
        var targets = new List<(string, string)>();
        foreach (var name in names.Distinct().Order(StringComparer.Ordinal))
        {
            if (!info.BrokerAddrTable.TryGetValue(name, out var broker))
            {
                continue;
            }

            targets.AddRange(broker.BrokerAddrs.Where(a => !mastersOnly || a.Key == BrokerData.MasterId).Select(a => (name, a.Value)));
        }

        return targets;
    }

    public async ValueTask DisposeAsync()
    {
        await NameServer.DisposeAsync().ConfigureAwait(false);
        await Broker.DisposeAsync().ConfigureAwait(false);
        if (_ownsRemoting)
        {
            await DisposeBoundedAsync(_remoting, _logger).ConfigureAwait(false);
        }
    }

    /// <summary>How long a client's transport gets to shut down before it is left behind.</summary>
    public static readonly TimeSpan DisposeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Disposes <paramref name="disposable"/>, giving up after <see cref="DisposeTimeout"/>: DotNetty's event-loop
    /// shutdown can spin forever when a task lands as it starts (Azure/DotNetty#522), which must not hang a command.
    /// </summary>
    internal static async Task DisposeBoundedAsync(IAsyncDisposable disposable, ILogger logger)
    {
        try
        {
            await disposable.DisposeAsync().AsTask().WaitAsync(DisposeTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.Warning("{Type} did not shut down within {Timeout}; left behind", disposable.GetType().Name, DisposeTimeout);
        }
    }
}
