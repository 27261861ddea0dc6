using System.Text;
using Rmq.Client.Messages;
using Rmq.Client.Protocol;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Remoting.Transport;
using Serilog;

namespace Rmq.Client.Broker;

/// <summary>
/// Typed calls to brokers (Java's MQClientAPIImpl, broker half): send, pull, offsets, client
/// management, message query and the admin codes of codes.md §4 and §5. Every call names the
/// broker address; a non-success answer throws <see cref="MQClientException"/> with the code and remark,
/// except where a code is an expected value (pull statuses, 22 "not found").
/// </summary>
public sealed class BrokerClient : IAsyncDisposable
{
    /// <summary>Java's default for broker calls that have no specific timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Java's pull timeout (consumerTimeoutMillisWhenSuspend), above the 15 s broker suspension.</summary>
    public static readonly TimeSpan PullTimeout = TimeSpan.FromSeconds(30);

    private readonly RemotingClient _remoting;
    private readonly bool _ownsRemoting;
    private readonly ILogger _logger;

    public BrokerClient(RemotingClient? remoting = null, TimeSpan? timeout = null, ILogger? logger = null)
    {
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<BrokerClient>();
        _ownsRemoting = remoting is null;
        _remoting = remoting ?? new RemotingClient(new RemotingClientOptions(), _logger);
        Timeout = timeout ?? DefaultTimeout;
    }

    public TimeSpan Timeout { get; }

    /// <summary>The transport (shared with a name-server client, and where broker-to-client processors are registered).</summary>
    public RemotingClient Remoting => _remoting;

    // ---- send ----

    /// <summary>
    /// SEND_MESSAGE_V2 (310), or SEND_BATCH_MESSAGE (320) when <paramref name="batch"/>; waits for the answer.
    /// <paramref name="body"/> is sent as is (compress first and set sysflag bit 0 for large bodies).
    /// </summary>
    /// <param name="uniqueKey">UNIQ_KEY (comma-separated for a batch) for <see cref="SendResult.MsgId"/>; null uses the offset id.</param>
    public async Task<SendResult> SendMessageAsync(
        string brokerAddr, string brokerName, SendMessageRequestHeader header, ReadOnlyMemory<byte> body, string? uniqueKey,
        bool batch = false, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        var request = CreateSendRequest(header, body, batch);
        var response = await InvokeAsync(brokerAddr, request, timeout, cancellationToken).ConfigureAwait(false);
        return ProcessSendResponse(brokerAddr, brokerName, header.Topic, uniqueKey, response);
    }

    /// <summary>SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE marked oneway: written, not answered.</summary>
    public Task SendMessageOnewayAsync(string brokerAddr, SendMessageRequestHeader header, ReadOnlyMemory<byte> body, bool batch = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        return _remoting.InvokeOnewayAsync(brokerAddr, CreateSendRequest(header, body, batch).MarkOneway(), cancellationToken);
    }

    internal static RemotingCommand CreateSendRequest(SendMessageRequestHeader header, ReadOnlyMemory<byte> body, bool batch) =>
        RemotingCommand.CreateRequest(
            batch ? RequestCode.SendBatchMessage : RequestCode.SendMessageV2,
            new SendMessageRequestHeaderV2 { Header = batch ? header with { Batch = true } : header },
            body);

    /// <summary>Maps a send answer to a <see cref="SendResult"/> (processSendResponse).</summary>
    /// <exception cref="MQClientException">Any code but 0, 10, 11, 12.</exception>
    public static SendResult ProcessSendResponse(string brokerAddr, string brokerName, string topic, string? uniqueKey, RemotingCommand response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (SendResult.StatusOf(response.Code) is not { } status)
        {
            throw MQClientException.FromResponse(response, brokerAddr);
        }

        var header = response.ReadHeader<SendMessageResponseHeader>();
        var queue = new MessageQueue(topic, brokerName, header.QueueId);
        return new SendResult(status, uniqueKey ?? header.MsgId, header.MsgId, queue, header.QueueOffset, header.TransactionId,
            response.GetExtField(MessageConst.MsgRegion) ?? "DefaultRegion");
    }

    // ---- pull ----

    /// <summary>PULL_MESSAGE (11). Codes 0/19/20/21 are statuses; anything else throws.</summary>
    public async Task<PullResult> PullMessageAsync(string brokerAddr, PullMessageRequestHeader header, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.PullMessage, header);
        var response = await InvokeAsync(brokerAddr, request, timeout ?? PullTimeout, cancellationToken).ConfigureAwait(false);
        return ProcessPullResponse(brokerAddr, response);
    }

    /// <summary>Maps a pull answer to a <see cref="PullResult"/> (processPullResponse); the body is copied.</summary>
    public static PullResult ProcessPullResponse(string brokerAddr, RemotingCommand response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (PullResult.StatusOf(response.Code) is not { } status)
        {
            throw MQClientException.FromResponse(response, brokerAddr);
        }

        var header = response.ReadHeader<PullMessageResponseHeader>();
        return new PullResult(status, header.NextBeginOffset, header.MinOffset, header.MaxOffset, header.SuggestWhichBrokerId, response.Body.ToArray());
    }

    // ---- offsets ----

    /// <summary>QUERY_CONSUMER_OFFSET (14); null when the broker has none for the group (22).</summary>
    public async Task<long?> QueryConsumerOffsetAsync(string brokerAddr, string group, string topic, int queueId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.QueryConsumerOffset, new QueryConsumerOffsetRequestHeader { ConsumerGroup = group, Topic = topic, QueueId = queueId });
        var response = await InvokeAsync(brokerAddr, request, timeout ?? TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        if (response.Code == ResponseCode.QueryNotFound)
        {
            return null;
        }

        Ensure(response, brokerAddr);
        return response.ReadHeader<OffsetResponseHeader>().Offset;
    }

    /// <summary>UPDATE_CONSUMER_OFFSET (15), answered.</summary>
    public async Task UpdateConsumerOffsetAsync(string brokerAddr, string group, string topic, int queueId, long offset, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(brokerAddr, UpdateOffsetRequest(group, topic, queueId, offset), timeout, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
    }

    /// <summary>UPDATE_CONSUMER_OFFSET (15) marked oneway, as the Java client's periodic persist sends it.</summary>
    public Task UpdateConsumerOffsetOnewayAsync(string brokerAddr, string group, string topic, int queueId, long offset, CancellationToken cancellationToken = default) =>
        _remoting.InvokeOnewayAsync(brokerAddr, UpdateOffsetRequest(group, topic, queueId, offset).MarkOneway(), cancellationToken);

    private static RemotingCommand UpdateOffsetRequest(string group, string topic, int queueId, long offset) =>
        RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset, new UpdateConsumerOffsetRequestHeader { ConsumerGroup = group, Topic = topic, QueueId = queueId, CommitOffset = offset });

    /// <summary>GET_MAX_OFFSET (30): the next index to be written.</summary>
    public Task<long> GetMaxOffsetAsync(string brokerAddr, string topic, int queueId, CancellationToken cancellationToken = default) =>
        OffsetQueryAsync(brokerAddr, RequestCode.GetMaxOffset, new TopicQueueRequestHeader { Topic = topic, QueueId = queueId }, cancellationToken);

    /// <summary>GET_MIN_OFFSET (31).</summary>
    public Task<long> GetMinOffsetAsync(string brokerAddr, string topic, int queueId, CancellationToken cancellationToken = default) =>
        OffsetQueryAsync(brokerAddr, RequestCode.GetMinOffset, new TopicQueueRequestHeader { Topic = topic, QueueId = queueId }, cancellationToken);

    /// <summary>SEARCH_OFFSET_BY_TIMESTAMP (29): the index whose store time is nearest to <paramref name="timestampMillis"/>.</summary>
    public Task<long> SearchOffsetAsync(string brokerAddr, string topic, int queueId, long timestampMillis, CancellationToken cancellationToken = default) =>
        OffsetQueryAsync(brokerAddr, RequestCode.SearchOffsetByTimestamp, new SearchOffsetRequestHeader { Topic = topic, QueueId = queueId, Timestamp = timestampMillis }, cancellationToken);

    /// <summary>GET_EARLIEST_MSG_STORETIME (32), ms.</summary>
    public async Task<long> GetEarliestMsgStoreTimeAsync(string brokerAddr, string topic, int queueId, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.GetEarliestMsgStoretime, new TopicQueueRequestHeader { Topic = topic, QueueId = queueId });
        var response = await InvokeAsync(brokerAddr, request, null, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
        return response.ReadHeader<EarliestMsgStoretimeResponseHeader>().Timestamp;
    }

    /// <summary>GET_ALL_CONSUMER_OFFSET (43): consumerOffset.json of the broker.</summary>
    public Task<ConsumerOffsetTable> GetAllConsumerOffsetAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        QueryBodyAsync<ConsumerOffsetTable>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetAllConsumerOffset), cancellationToken);

    private async Task<long> OffsetQueryAsync(string brokerAddr, int code, ICommandHeader header, CancellationToken cancellationToken)
    {
        var response = await InvokeAsync(brokerAddr, RemotingCommand.CreateRequest(code, header), null, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
        return response.ReadHeader<OffsetResponseHeader>().Offset;
    }

    // ---- client management ----

    /// <summary>HEART_BEAT (34).</summary>
    public async Task SendHeartbeatAsync(string brokerAddr, HeartbeatData heartbeat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        var response = await InvokeAsync(brokerAddr, RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: heartbeat.Encode()), null, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
    }

    /// <summary>UNREGISTER_CLIENT (35) for one producer or consumer group.</summary>
    public async Task UnregisterClientAsync(string brokerAddr, string clientId, string? producerGroup, string? consumerGroup, CancellationToken cancellationToken = default)
    {
        var header = new UnregisterClientRequestHeader { ClientId = clientId, ProducerGroup = producerGroup, ConsumerGroup = consumerGroup };
        var response = await InvokeAsync(brokerAddr, RemotingCommand.CreateRequest(RequestCode.UnregisterClient, header), null, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
    }

    /// <summary>GET_CONSUMER_LIST_BY_GROUP (38): the client ids of the group's live consumers.</summary>
    public async Task<IReadOnlyList<string>> GetConsumerIdListByGroupAsync(string brokerAddr, string consumerGroup, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.GetConsumerListByGroup, new ConsumerGroupRequestHeader { ConsumerGroup = consumerGroup });
        var body = await QueryBodyAsync<ConsumerIdList>(brokerAddr, request, cancellationToken).ConfigureAwait(false);
        return body.ConsumerIds;
    }

    /// <summary>CONSUMER_SEND_MSG_BACK (36): have the broker re-store a failed message in the group's retry topic.</summary>
    public async Task ConsumerSendMessageBackAsync(
        string brokerAddr, MessageExt message, string consumerGroup, int delayLevel, int maxReconsumeTimes, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = new ConsumerSendMsgBackRequestHeader
        {
            Offset = message.CommitLogOffset,
            Group = consumerGroup,
            DelayLevel = delayLevel,
            OriginMsgId = message.MsgId,
            OriginTopic = message.Topic,
            UnitMode = false,
            MaxReconsumeTimes = maxReconsumeTimes,
        };
        var response = await InvokeAsync(brokerAddr, RemotingCommand.CreateRequest(RequestCode.ConsumerSendMsgBack, header), timeout, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
    }

    /// <summary>LOCK_BATCH_MQ (41): the queues this client now holds.</summary>
    public async Task<IReadOnlyList<MessageQueue>> LockBatchMqAsync(string brokerAddr, LockBatchRequestBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = RemotingCommand.CreateRequest(RequestCode.LockBatchMq, body: body.Encode());
        return (await QueryBodyAsync<LockBatchResponseBody>(brokerAddr, request, cancellationToken).ConfigureAwait(false)).LockOkMqSet;
    }

    /// <summary>UNLOCK_BATCH_MQ (42), answered or oneway.</summary>
    public async Task UnlockBatchMqAsync(string brokerAddr, LockBatchRequestBody body, bool oneway = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = RemotingCommand.CreateRequest(RequestCode.UnlockBatchMq, body: body.Encode());
        if (oneway)
        {
            await _remoting.InvokeOnewayAsync(brokerAddr, request.MarkOneway(), cancellationToken).ConfigureAwait(false);
            return;
        }

        Ensure(await InvokeAsync(brokerAddr, request, null, cancellationToken).ConfigureAwait(false), brokerAddr);
    }

    // ---- messages ----

    /// <summary>VIEW_MESSAGE_BY_ID (33) by CommitLog offset (decode it from an offset message id).</summary>
    public async Task<MessageExt> ViewMessageAsync(string brokerAddr, long commitLogOffset, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.ViewMessageById, new ViewMessageRequestHeader { Offset = commitLogOffset });
        var response = await InvokeAsync(brokerAddr, request, null, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
        return MessageDecoder.Decode(response.Body.Span);
    }

    /// <summary>QUERY_MESSAGE (12) by key, or by UNIQ_KEY when <paramref name="uniqueKey"/>; empty on 22.</summary>
    public async Task<QueryMessageResult> QueryMessageAsync(
        string brokerAddr, string topic, string key, int maxNum, long beginTimestamp, long endTimestamp, bool uniqueKey = false,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var header = new QueryMessageRequestHeader { Topic = topic, Key = key, MaxNum = maxNum, BeginTimestamp = beginTimestamp, EndTimestamp = endTimestamp };
        var request = RemotingCommand.CreateRequest(RequestCode.QueryMessage, header);
        if (uniqueKey)
        {
            request.WithExtField("_UNIQUE_KEY_QUERY", "true");
        }

        var response = await InvokeAsync(brokerAddr, request, timeout, cancellationToken).ConfigureAwait(false);
        if (response.Code == ResponseCode.QueryNotFound)
        {
            return new QueryMessageResult([], 0, 0);
        }

        Ensure(response, brokerAddr);
        var answer = response.ReadHeader<QueryMessageResponseHeader>();
        return new QueryMessageResult(MessageDecoder.DecodeAll(response.Body.Span), answer.IndexLastUpdateTimestamp, answer.IndexLastUpdatePhyoffset);
    }

    // ---- topics and subscription groups ----

    /// <summary>UPDATE_AND_CREATE_TOPIC (17).</summary>
    public async Task CreateTopicAsync(string brokerAddr, TopicConfig topic, string defaultTopic = "TBW102", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var header = new CreateTopicRequestHeader
        {
            Topic = topic.TopicName ?? throw new ArgumentException("the topic config needs a name", nameof(topic)),
            DefaultTopic = defaultTopic,
            ReadQueueNums = topic.ReadQueueNums,
            WriteQueueNums = topic.WriteQueueNums,
            Perm = topic.Perm,
            TopicFilterType = topic.TopicFilterType.ToString(),
            TopicSysFlag = topic.TopicSysFlag,
            Order = topic.Order,
        };
        Ensure(await InvokeAsync(brokerAddr, RemotingCommand.CreateRequest(RequestCode.UpdateAndCreateTopic, header), null, cancellationToken).ConfigureAwait(false), brokerAddr);
    }

    /// <summary>DELETE_TOPIC_IN_BROKER (215).</summary>
    public async Task DeleteTopicInBrokerAsync(string brokerAddr, string topic, CancellationToken cancellationToken = default) =>
        Ensure(await InvokeAsync(brokerAddr, RemotingCommand.CreateRequest(RequestCode.DeleteTopicInBroker, new DeleteTopicRequestHeader { Topic = topic }), null, cancellationToken).ConfigureAwait(false), brokerAddr);

    /// <summary>GET_ALL_TOPIC_CONFIG (21).</summary>
    public Task<TopicConfigSerializeWrapper> GetAllTopicConfigAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        QueryBodyAsync<TopicConfigSerializeWrapper>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetAllTopicConfig), cancellationToken);

    /// <summary>UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200).</summary>
    public async Task CreateSubscriptionGroupAsync(string brokerAddr, SubscriptionGroupConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var request = RemotingCommand.CreateRequest(RequestCode.UpdateAndCreateSubscriptionGroup, body: config.Encode());
        Ensure(await InvokeAsync(brokerAddr, request, null, cancellationToken).ConfigureAwait(false), brokerAddr);
    }

    /// <summary>DELETE_SUBSCRIPTIONGROUP (207).</summary>
    public async Task DeleteSubscriptionGroupAsync(string brokerAddr, string groupName, bool removeOffset = false, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.DeleteSubscriptionGroup, new DeleteSubscriptionGroupRequestHeader { GroupName = groupName, RemoveOffset = removeOffset });
        Ensure(await InvokeAsync(brokerAddr, request, null, cancellationToken).ConfigureAwait(false), brokerAddr);
    }

    /// <summary>GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201).</summary>
    public Task<SubscriptionGroupWrapper> GetAllSubscriptionGroupAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        QueryBodyAsync<SubscriptionGroupWrapper>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetAllSubscriptionGroupConfig), cancellationToken);

    // ---- broker status and config ----

    /// <summary>GET_BROKER_RUNTIME_INFO (28): the KVTable of runtime figures.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetBrokerRuntimeInfoAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        (await QueryBodyAsync<KvTable>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetBrokerRuntimeInfo), cancellationToken).ConfigureAwait(false)).Table;

    /// <summary>GET_BROKER_CONFIG (26): every broker/store/netty setting.</summary>
    public async Task<SortedDictionary<string, string>> GetBrokerConfigAsync(string brokerAddr, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetBrokerConfig), null, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
        return PropertiesText.Parse(response.Body.Span);
    }

    /// <summary>UPDATE_BROKER_CONFIG (25).</summary>
    public async Task UpdateBrokerConfigAsync(string brokerAddr, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var request = RemotingCommand.CreateRequest(RequestCode.UpdateBrokerConfig, body: Encoding.UTF8.GetBytes(PropertiesText.Format(properties)));
        Ensure(await InvokeAsync(brokerAddr, request, null, cancellationToken).ConfigureAwait(false), brokerAddr);
    }

    /// <summary>GET_TOPIC_STATS_INFO (202).</summary>
    public Task<TopicStatsTable> GetTopicStatsInfoAsync(string brokerAddr, string topic, CancellationToken cancellationToken = default) =>
        QueryBodyAsync<TopicStatsTable>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetTopicStatsInfo, new TopicRequestHeader { Topic = topic }), cancellationToken);

    /// <summary>GET_CONSUME_STATS (208); all topics of the group when <paramref name="topic"/> is null.</summary>
    public Task<ConsumeStats> GetConsumeStatsAsync(string brokerAddr, string consumerGroup, string? topic = null, CancellationToken cancellationToken = default) =>
        QueryBodyAsync<ConsumeStats>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetConsumeStats, new GetConsumeStatsRequestHeader { ConsumerGroup = consumerGroup, Topic = topic }), cancellationToken);

    /// <summary>GET_CONSUMER_CONNECTION_LIST (203); 206 CONSUMER_NOT_ONLINE throws.</summary>
    public Task<ConsumerConnection> GetConsumerConnectionListAsync(string brokerAddr, string consumerGroup, CancellationToken cancellationToken = default) =>
        QueryBodyAsync<ConsumerConnection>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetConsumerConnectionList, new ConsumerGroupRequestHeader { ConsumerGroup = consumerGroup }), cancellationToken);

    /// <summary>GET_PRODUCER_CONNECTION_LIST (204).</summary>
    public Task<ProducerConnection> GetProducerConnectionListAsync(string brokerAddr, string producerGroup, CancellationToken cancellationToken = default) =>
        QueryBodyAsync<ProducerConnection>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.GetProducerConnectionList, new ProducerGroupRequestHeader { ProducerGroup = producerGroup }), cancellationToken);

    /// <summary>QUERY_TOPIC_CONSUME_BY_WHO (300): the groups with offsets for the topic.</summary>
    public async Task<IReadOnlyList<string>> QueryTopicConsumeByWhoAsync(string brokerAddr, string topic, CancellationToken cancellationToken = default) =>
        (await QueryBodyAsync<GroupList>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.QueryTopicConsumeByWho, new TopicRequestHeader { Topic = topic }), cancellationToken).ConfigureAwait(false)).Groups;

    /// <summary>QUERY_CONSUME_TIME_SPAN (303).</summary>
    public async Task<IReadOnlyList<QueueTimeSpan>> QueryConsumeTimeSpanAsync(string brokerAddr, string topic, string group, CancellationToken cancellationToken = default) =>
        (await QueryBodyAsync<QueryConsumeTimeSpanBody>(brokerAddr, RemotingCommand.CreateRequest(RequestCode.QueryConsumeTimeSpan, new QueryConsumeTimeSpanRequestHeader(topic, group)), cancellationToken).ConfigureAwait(false)).ConsumeTimeSpanSet;

    /// <summary>INVOKE_BROKER_TO_RESET_OFFSET (222): the new offset per queue; 206 (group offline) throws.</summary>
    public async Task<ResetOffsetBody> InvokeBrokerToResetOffsetAsync(
        string brokerAddr, string topic, string group, long timestampMillis, bool isForce, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.InvokeBrokerToResetOffset, new ResetOffsetRequestHeader { Topic = topic, Group = group, Timestamp = timestampMillis, IsForce = isForce });
        var response = await InvokeAsync(brokerAddr, request, null, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
        return response.Body.IsEmpty ? new ResetOffsetBody() : JsonBody.Decode<ResetOffsetBody>(response.Body.Span);
    }

    /// <summary>CLEAN_EXPIRED_CONSUMEQUEUE (306).</summary>
    public Task CleanExpiredConsumeQueueAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        SimpleAsync(brokerAddr, RequestCode.CleanExpiredConsumeQueue, cancellationToken);

    /// <summary>DELETE_EXPIRED_COMMITLOG (329).</summary>
    public Task DeleteExpiredCommitLogAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        SimpleAsync(brokerAddr, RequestCode.DeleteExpiredCommitLog, cancellationToken);

    /// <summary>CLEAN_UNUSED_TOPIC (316).</summary>
    public Task CleanUnusedTopicAsync(string brokerAddr, CancellationToken cancellationToken = default) =>
        SimpleAsync(brokerAddr, RequestCode.CleanUnusedTopic, cancellationToken);

    // ---- plumbing ----

    private async Task SimpleAsync(string brokerAddr, int code, CancellationToken cancellationToken) =>
        Ensure(await InvokeAsync(brokerAddr, RemotingCommand.CreateRequest(code), null, cancellationToken).ConfigureAwait(false), brokerAddr);

    private async Task<T> QueryBodyAsync<T>(string brokerAddr, RemotingCommand request, CancellationToken cancellationToken)
        where T : IJsonBody<T>
    {
        var response = await InvokeAsync(brokerAddr, request, null, cancellationToken).ConfigureAwait(false);
        Ensure(response, brokerAddr);
        return JsonBody.Decode<T>(response.Body.Span);
    }

    private Task<RemotingCommand> InvokeAsync(string brokerAddr, RemotingCommand request, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(brokerAddr);
        return _remoting.InvokeAsync(brokerAddr, request, timeout ?? Timeout, cancellationToken);
    }

    private static void Ensure(RemotingCommand response, string brokerAddr)
    {
        if (response.Code != ResponseCode.Success)
        {
            throw MQClientException.FromResponse(response, brokerAddr);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsRemoting)
        {
            await _remoting.DisposeAsync().ConfigureAwait(false);
        }
    }
}
