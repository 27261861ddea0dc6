using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Serilog;

namespace Rmq.Client.Producer;

/// <summary>
/// A producer like DefaultMQProducer: routes from the name servers (refreshed every
/// <see cref="ClientConfig.PollNameServerInterval"/>), queues chosen round-robin over writable master
/// queues, sync sends retried on another broker, oneway and batch sends, zlib compression of large
/// bodies, UNIQ_KEY on every message, heartbeats, and the TBW102 fallback for topics without a route.
/// </summary>
public sealed partial class Producer : IAsyncDisposable
{
    /// <summary>The hidden producer group every Java client reports in its heartbeat.</summary>
    public const string ClientInnerProducerGroup = "CLIENT_INNER_PRODUCER";

    private readonly ConcurrentDictionary<string, TopicPublishInfo> _publishInfo = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly UniqueKeyGenerator _uniqueKeys;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];
    private ClientInstance? _instance;

    public Producer(ProducerOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ProducerGroup);
        Options = options;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<Producer>();
        TimeProvider = timeProvider ?? TimeProvider.System;
        _uniqueKeys = new UniqueKeyGenerator(TimeProvider);
    }

    public ProducerOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The connection state; available after <see cref="StartAsync"/>.</summary>
    public ClientInstance Instance => _instance ?? throw new InvalidOperationException("The producer service state not OK, call StartAsync first");

    public string ClientId => Instance.ClientId;

    /// <summary>Connects nothing yet; starts the route refresh and heartbeat timers and sends a first heartbeat.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_instance is not null)
        {
            return;
        }

        _instance = new ClientInstance(Options, _logger, TimeProvider);
        _background.Add(Periodic.RunAsync(Options.PollNameServerInterval, TimeProvider, RefreshRoutesAsync, _logger, "route refresh", _stopping.Token));
        _background.Add(Periodic.RunAsync(Options.HeartbeatBrokerInterval, TimeProvider, SendHeartbeatAsync, _logger, "heartbeat", _stopping.Token));
        await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends and waits for the broker (sync semantics), retrying on another broker as Java does.</summary>
    public async Task<SendResult> SendAsync(Message message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Validate(message);
        var publishInfo = await TryToFindTopicPublishInfoAsync(message.Topic, cancellationToken).ConfigureAwait(false);
        var prepared = Prepare(message);
        return await SendPreparedAsync(publishInfo, prepared, 1 + Options.RetryTimesWhenSendFailed, timeout ?? Options.SendMsgTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends to a chosen queue, once (no retry on another broker).</summary>
    public async Task<SendResult> SendAsync(Message message, MessageQueue queue, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(queue);
        Validate(message);
        await TryToFindTopicPublishInfoAsync(message.Topic, cancellationToken).ConfigureAwait(false);
        var prepared = Prepare(message);
        return await SendKernelAsync(queue, prepared, timeout ?? Options.SendMsgTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a batch (SEND_BATCH_MESSAGE): one topic, no delay; the result's MsgId lists every UNIQ_KEY.</summary>
    public async Task<SendResult> SendBatchAsync(IReadOnlyList<Message> messages, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        MessageBatch.Validate(messages);
        foreach (var message in messages)
        {
            Validate(message);
            _uniqueKeys.SetUniqueKey(message);
        }

        var batch = new Message(messages[0].Topic, MessageBatch.Encode(messages), waitStoreMsgOk: messages[0].WaitStoreMsgOk);
        _uniqueKeys.SetUniqueKey(batch);
        var publishInfo = await TryToFindTopicPublishInfoAsync(batch.Topic, cancellationToken).ConfigureAwait(false);
        var prepared = new PreparedMessage(batch, batch.Body, 0, string.Join(",", messages.Select(m => m.UniqueKey)), Batch: true);
        return await SendPreparedAsync(publishInfo, prepared, 1 + Options.RetryTimesWhenSendFailed, timeout ?? Options.SendMsgTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the message to one queue and returns without an answer (sendOneway; no retry).</summary>
    public async Task SendOnewayAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Validate(message);
        var publishInfo = await TryToFindTopicPublishInfoAsync(message.Topic, cancellationToken).ConfigureAwait(false);
        var prepared = Prepare(message);
        var queue = publishInfo.SelectOneMessageQueue();
        var address = await FindBrokerAddressAsync(queue, cancellationToken).ConfigureAwait(false);
        await Instance.Broker.SendMessageOnewayAsync(address, BuildHeader(prepared, queue), prepared.Body, prepared.Batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The writable queues of a topic (fetchPublishMessageQueues).</summary>
    public async Task<IReadOnlyList<MessageQueue>> FetchPublishMessageQueuesAsync(string topic, CancellationToken cancellationToken = default) =>
        (await TryToFindTopicPublishInfoAsync(topic, cancellationToken).ConfigureAwait(false)).MessageQueues;

    private Task<SendResult> SendPreparedAsync(TopicPublishInfo publishInfo, PreparedMessage prepared, int times, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendRetryPolicy.SendWithRetryAsync(publishInfo, times, timeout, TimeProvider,
            (queue, remaining, ct) => SendKernelAsync(queue, prepared, remaining, ct), cancellationToken);

    private async Task<SendResult> SendKernelAsync(MessageQueue queue, PreparedMessage prepared, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var address = await FindBrokerAddressAsync(queue, cancellationToken).ConfigureAwait(false);
        var header = BuildHeader(prepared, queue);
        return await Instance.Broker.SendMessageAsync(address, queue.BrokerName, header, prepared.Body, prepared.UniqueKey, prepared.Batch, timeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FindBrokerAddressAsync(MessageQueue queue, CancellationToken cancellationToken)
    {
        var address = Instance.FindBrokerAddressInPublish(queue.BrokerName);
        if (address is null)
        {
            await TryToFindTopicPublishInfoAsync(queue.Topic, cancellationToken).ConfigureAwait(false);
            address = Instance.FindBrokerAddressInPublish(queue.BrokerName);
        }

        return address ?? throw new MQClientException(ClientErrorCode.BrokerNotExistException, $"The broker[{queue.BrokerName}] not exist", null);
    }

    /// <summary>
    /// The publish info of <paramref name="topic"/>: cached, else from the name server, else (only when the
    /// topic has no route at all) from the route of <see cref="ProducerOptions.CreateTopicKey"/> so the broker
    /// auto-creates the topic.
    /// </summary>
    private async Task<TopicPublishInfo> TryToFindTopicPublishInfoAsync(string topic, CancellationToken cancellationToken)
    {
        if (_publishInfo.TryGetValue(topic, out var cached) && cached.Ok)
        {
            return cached;
        }

        var route = await Instance.UpdateTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        if (route is not null)
        {
            // the topic has a route: use it even without writable queues (no auto-creation fallback then)
            var info = _publishInfo[topic] = TopicPublishInfo.FromRoute(topic, route);
            return info.Ok ? info : throw NoRoute(topic);
        }

        var defaultRoute = await Instance.UpdateTopicRouteAsync(Options.CreateTopicKey, cancellationToken).ConfigureAwait(false);
        if (defaultRoute is not null)
        {
            var fallback = TopicPublishInfo.FromDefaultRoute(defaultRoute, Options.DefaultTopicQueueNums);
            if (TopicPublishInfo.FromRoute(topic, fallback) is { Ok: true } fallbackInfo)
            {
                _logger.Information("Topic {Topic} has no route; sending through the route of {DefaultTopic} for auto-creation", topic, Options.CreateTopicKey);
                return _publishInfo[topic] = fallbackInfo;
            }
        }

        throw NoRoute(topic);
    }

    private static MQClientException NoRoute(string topic) =>
        new(ClientErrorCode.NotFoundTopicException, $"No route info of this topic: {topic}", null);

    private async Task RefreshRoutesAsync(CancellationToken cancellationToken)
    {
        foreach (var topic in _publishInfo.Keys.ToList())
        {
            var route = await Instance.UpdateTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
            if (route is not null)
            {
                _publishInfo[topic] = TopicPublishInfo.FromRoute(topic, route);
            }
        }
    }

    /// <summary>The heartbeat this producer sends (its group and CLIENT_INNER_PRODUCER).</summary>
    public HeartbeatData BuildHeartbeat() => new()
    {
        ClientId = Instance.ClientId,
        ProducerDataSet = [new ProducerData(Options.ProducerGroup), new ProducerData(ClientInnerProducerGroup)],
    };

    private Task SendHeartbeatAsync(CancellationToken cancellationToken) =>
        Instance.SendHeartbeatToAllBrokersAsync(BuildHeartbeat(), cancellationToken);

    // ---- message preparation ----

    internal sealed record PreparedMessage(Message Message, byte[] Body, int SysFlag, string? UniqueKey, bool Batch = false);

    /// <summary>Sets UNIQ_KEY and compresses the body when it is large (tryToCompressMessage).</summary>
    private PreparedMessage Prepare(Message message)
    {
        _uniqueKeys.SetUniqueKey(message);
        return PrepareBody(message, Options.CompressMsgBodyOverHowmuch);
    }

    internal static PreparedMessage PrepareBody(Message message, int compressOverBytes)
    {
        var sysFlag = 0;
        var body = message.Body;
        if (body.Length >= compressOverBytes)
        {
            body = BodyCompression.Compress(body);
            sysFlag |= MessageSysFlag.CompressedFlag;
        }

        if (string.Equals(message.GetProperty(MessageConst.TransactionPrepared), "true", StringComparison.OrdinalIgnoreCase))
        {
            sysFlag |= MessageSysFlag.TransactionPreparedType;
        }

        return new PreparedMessage(message, body, sysFlag, message.UniqueKey);
    }

    internal SendMessageRequestHeader BuildHeader(PreparedMessage prepared, MessageQueue queue) =>
        BuildHeader(prepared, queue, Options, TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());

    internal static SendMessageRequestHeader BuildHeader(PreparedMessage prepared, MessageQueue queue, ProducerOptions options, long bornTimestamp)
    {
        var message = prepared.Message;
        var properties = message.Properties.ToDictionary(StringComparer.Ordinal);
        int? reconsumeTimes = 0;
        int? maxReconsumeTimes = null;
        if (message.Topic.StartsWith("%RETRY%", StringComparison.Ordinal))
        {
            if (properties.Remove(MessageConst.ReconsumeTime, out var reconsume))
            {
                reconsumeTimes = int.Parse(reconsume, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (properties.Remove(MessageConst.MaxReconsumeTimes, out var max))
            {
                maxReconsumeTimes = int.Parse(max, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new SendMessageRequestHeader
        {
            ProducerGroup = options.ProducerGroup,
            Topic = message.Topic,
            DefaultTopic = options.CreateTopicKey,
            DefaultTopicQueueNums = options.DefaultTopicQueueNums,
            QueueId = queue.QueueId,
            SysFlag = prepared.SysFlag,
            BornTimestamp = bornTimestamp,
            Flag = message.Flag,
            Properties = MessageProperties.Encode(properties),
            ReconsumeTimes = reconsumeTimes,
            UnitMode = false,
            MaxReconsumeTimes = maxReconsumeTimes,
            Batch = prepared.Batch,
        };
    }

    /// <summary>Validators.checkMessage: topic name and length, non-empty body within the size limit.</summary>
    private void Validate(Message message) => Validate(message, Options.MaxMessageSize);

    internal static void Validate(Message message, int maxMessageSize)
    {
        if (string.IsNullOrWhiteSpace(message.Topic))
        {
            throw new MQClientException(ResponseCode.MessageIllegal, "The specified topic is blank", null);
        }

        if (message.Topic.Length > 127 || !TopicPattern().IsMatch(message.Topic))
        {
            throw new MQClientException(ResponseCode.MessageIllegal, $"The specified topic[{message.Topic}] contains illegal characters or is longer than 127, allowing only ^[%|a-zA-Z0-9_-]+$", null);
        }

        if (NotAllowedSendTopics.Contains(message.Topic))
        {
            throw new MQClientException(ResponseCode.MessageIllegal, $"Sending message to topic[{message.Topic}] is forbidden.", null);
        }

        if (message.Body is null || message.Body.Length == 0)
        {
            throw new MQClientException(ResponseCode.MessageIllegal, "the message body length is zero", null);
        }

        if (message.Body.Length > maxMessageSize)
        {
            throw new MQClientException(ResponseCode.MessageIllegal, $"the message body size over max value, MAX: {maxMessageSize}", null);
        }
    }

    /// <summary>System topics no producer may send to (TopicValidator.NOT_ALLOWED_SEND_TOPIC_SET).</summary>
    public static readonly IReadOnlySet<string> NotAllowedSendTopics = new HashSet<string>(StringComparer.Ordinal)
    {
        "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC", "SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT",
    };

    [GeneratedRegex("^[%|a-zA-Z0-9_-]+$")]
    private static partial Regex TopicPattern();

    /// <summary>Stops the timers and unregisters the producer from every broker.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Periodic.WhenAllStoppedAsync(_background).ConfigureAwait(false);
        if (_instance is not null)
        {
            using var timeout = new CancellationTokenSource(Options.MqClientApiTimeout);
            await _instance.UnregisterClientAsync(Options.ProducerGroup, null, timeout.Token).ConfigureAwait(false);
            await _instance.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }
}
