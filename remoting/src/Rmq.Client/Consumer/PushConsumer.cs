using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Client.Consumer;

/// <summary>
/// A push consumer like DefaultMQPushConsumer, with a concurrent or an orderly listener. CLUSTERING: rebalance
/// (AllocateMessageQueueAveragely) every <see cref="PushConsumerOptions.RebalanceInterval"/> and on
/// NOTIFY_CONSUMER_IDS_CHANGED; offsets committed to the broker (the master, else a slave while the master
/// is gone) every 5 s, on queue removal and on shutdown; failed messages sent back and redelivered through
/// <c>%RETRY%group</c>; an orderly listener consumes only queues it holds the broker lock of. BROADCASTING:
/// every queue, offsets in a local file (<see cref="BroadcastOffsetStore"/>), failures dropped. One
/// long-polling pull loop per queue with flow control, following the broker's suggestWhichBrokerId, and a
/// client-side tag re-check.
/// </summary>
public sealed partial class PushConsumer : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<MessageExt>, ConsumeContext, Task<ConsumeConcurrentlyStatus>>? _listener;
    private readonly MessageListenerOrderly? _orderlyListener;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SubscriptionData> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<MessageQueue>> _subscribeQueues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MessageQueue, QueueWorker> _workers = new();
    private readonly ConcurrentDictionary<MessageQueue, long> _pullFromWhichNode = new();
    private readonly Channel<bool> _rebalanceSignal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _rebalanceLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];
    private readonly MessageBackSender _backSender;
    private readonly QueueLockService _lockService;
    private IConsumeMessageService _consumeService = null!;
    private BroadcastOffsetStore? _broadcastOffsets;
    private RequestExecutor? _notifyExecutor;
    private ClientInstance? _instance;
    private int _disposed;

    /// <summary>A consumer with a concurrent listener (MessageListenerConcurrently).</summary>
    public PushConsumer(
        PushConsumerOptions options,
        Func<IReadOnlyList<MessageExt>, ConsumeContext, Task<ConsumeConcurrentlyStatus>> listener,
        ILogger? logger = null,
        TimeProvider? timeProvider = null)
        : this(options, logger, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _listener = listener;
    }

    /// <summary>
    /// A consumer with an orderly listener (MessageListenerOrderly): each queue's messages in order, one batch of
    /// a queue at a time; in CLUSTERING only while this client holds the queue's lock on the broker.
    /// </summary>
    public PushConsumer(PushConsumerOptions options, MessageListenerOrderly listener, ILogger? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _orderlyListener = listener;
    }

    private PushConsumer(PushConsumerOptions options, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConsumerGroup);
        Options = options;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<PushConsumer>().ForContext("ConsumerGroup", options.ConsumerGroup);
        TimeProvider = timeProvider ?? TimeProvider.System;
        _backSender = new MessageBackSender(options, () => Instance, _logger, TimeProvider);
        _lockService = new QueueLockService(options.ConsumerGroup, () => Instance, _logger, TimeProvider);
    }

    private bool Clustering => Options.MessageModel == MessageModel.CLUSTERING;

    /// <summary>True with an orderly listener.</summary>
    public bool ConsumeOrderly => _orderlyListener is not null;

    /// <summary>BROADCASTING: the local offsets file (known after start).</summary>
    public string? LocalOffsetFile => _broadcastOffsets?.FilePath;

    public PushConsumerOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public OffsetStore OffsetStore { get; } = new();

    public ClientInstance Instance => _instance ?? throw new InvalidOperationException("The consumer service state not OK, call StartAsync first");

    public string ClientId => Instance.ClientId;

    /// <summary>The queues this consumer pulls now.</summary>
    public IReadOnlyCollection<MessageQueue> AssignedQueues => _workers.Keys.ToList();

    /// <summary>Subscribes a topic with "*" or "TagA || TagB"; before or after start.</summary>
    public void Subscribe(string topic, string subExpression = SubscriptionData.SubAll)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        _subscriptions[topic] = SubscriptionData.ForTags(topic, subExpression, TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        _rebalanceSignal.Writer.TryWrite(true);
    }

    public void Unsubscribe(string topic)
    {
        _subscriptions.TryRemove(topic, out _);
        _rebalanceSignal.Writer.TryWrite(true);
    }

    public IReadOnlyDictionary<string, SubscriptionData> Subscriptions => _subscriptions;

    /// <summary>Subscribes the retry topic, loads routes, sends a heartbeat, rebalances, and starts the timers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_instance is not null)
        {
            return;
        }

        if (Clustering)
        {
            var retryTopic = ConsumerQueues.RetryTopic(Options.ConsumerGroup);
            _subscriptions.TryAdd(retryTopic, SubscriptionData.ForTags(retryTopic, SubscriptionData.SubAll, TimeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
        }

        _instance = new ClientInstance(Options, _logger, TimeProvider);
        if (!Clustering)
        {
            _broadcastOffsets = new BroadcastOffsetStore(Options.LocalOffsetStoreDir, _instance.ClientId, Options.ConsumerGroup);
        }

        _consumeService = _orderlyListener is not null
            ? new ConsumeMessageOrderlyService(Options, _orderlyListener, OffsetStore, _backSender, _lockService, _logger, TimeProvider, _stopping.Token)
            : new ConsumeMessageConcurrentlyService(Options, _listener!, OffsetStore, _backSender, _logger, TimeProvider, _stopping.Token);
        _notifyExecutor = new RequestExecutor("consumer-notify", 1, 64, _logger, TimeProvider);
        _instance.Remoting.Processors.Register(RequestCode.NotifyConsumerIdsChanged, new NotifyProcessor(this), _notifyExecutor);
        _instance.Remoting.Processors.Register(RequestCode.ResetConsumerClientOffset, new ResetOffsetProcessor(this), _notifyExecutor);

        await RefreshRoutesAsync(cancellationToken).ConfigureAwait(false);
        await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
        await RebalanceAsync(cancellationToken).ConfigureAwait(false);

        var stop = _stopping.Token;
        _background.Add(Periodic.RunAsync(Options.PollNameServerInterval, TimeProvider, RefreshRoutesAsync, _logger, "route refresh", stop));
        _background.Add(Periodic.RunAsync(Options.HeartbeatBrokerInterval, TimeProvider, SendHeartbeatAsync, _logger, "heartbeat", stop));
        _background.Add(Periodic.RunAsync(Options.PersistConsumerOffsetInterval, TimeProvider, PersistAllAsync, _logger, "offset persist", stop));
        _background.Add(Periodic.RunAsync(Options.RebalanceInterval, TimeProvider, RebalanceAsync, _logger, "rebalance", _rebalanceSignal.Reader, stop));
        if (ConsumeOrderly && Clustering)
        {
            _background.Add(Periodic.RunAsync(Options.RebalanceLockInterval, TimeProvider, LockAllAsync, _logger, "lock queues", stop));
        }
    }

    private Task LockAllAsync(CancellationToken cancellationToken) =>
        _lockService.LockAllAsync(_workers.ToDictionary(w => w.Key, w => w.Value.ProcessQueue), cancellationToken);

    /// <summary>Asks for a rebalance now (NOTIFY_CONSUMER_IDS_CHANGED does this).</summary>
    public void TriggerRebalance() => _rebalanceSignal.Writer.TryWrite(true);

    // ---- routes and heartbeat ----

    private async Task RefreshRoutesAsync(CancellationToken cancellationToken)
    {
        foreach (var topic in _subscriptions.Keys.ToList())
        {
            try
            {
                var route = await Instance.UpdateTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
                if (route is not null)
                {
                    _subscribeQueues[topic] = ConsumerQueues.SubscribeQueues(topic, route);
                }
            }
            catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
            {
                _logger.Warning(e, "Route refresh of {Topic} failed", topic);
            }
        }
    }

    /// <summary>The heartbeat this consumer sends: its group's subscriptions (retry topic included) and CLIENT_INNER_PRODUCER.</summary>
    public HeartbeatData BuildHeartbeat() => new()
    {
        ClientId = Instance.ClientId,
        ConsumerDataSet =
        [
            new ConsumerData
            {
                GroupName = Options.ConsumerGroup,
                ConsumeType = ConsumeType.CONSUME_PASSIVELY,
                MessageModel = Options.MessageModel,
                ConsumeFromWhere = Options.ConsumeFromWhere,
                SubscriptionDataSet = _subscriptions.Values.ToList(),
                UnitMode = false,
            },
        ],
        ProducerDataSet = [new ProducerData(Producer.Producer.ClientInnerProducerGroup)],
    };

    private Task SendHeartbeatAsync(CancellationToken cancellationToken) =>
        Instance.SendHeartbeatToAllBrokersAsync(BuildHeartbeat(), cancellationToken);

    // ---- rebalance ----

    private async Task RebalanceAsync(CancellationToken cancellationToken)
    {
        await _rebalanceLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changed = false;
            foreach (var topic in _subscriptions.Keys.ToList())
            {
                try
                {
                    changed |= await RebalanceTopicAsync(topic, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
                {
                    _logger.Warning(e, "Rebalance of {Topic} failed", topic);
                }
            }

            foreach (var queue in _workers.Keys.Where(q => !_subscriptions.ContainsKey(q.Topic)).ToList())
            {
                await RemoveQueueAsync(queue, cancellationToken).ConfigureAwait(false);
                changed = true;
            }

            if (changed)
            {
                await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _rebalanceLock.Release();
        }
    }

    private async Task<bool> RebalanceTopicAsync(string topic, CancellationToken cancellationToken)
    {
        if (!_subscribeQueues.TryGetValue(topic, out var queues))
        {
            var route = await Instance.UpdateTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
            if (route is null)
            {
                _logger.Warning("doRebalance, {ConsumerGroup}, but the topic[{Topic}] not exist.", Options.ConsumerGroup, topic);
                return false;
            }

            queues = _subscribeQueues[topic] = ConsumerQueues.SubscribeQueues(topic, route);
        }

        if (!Clustering)
        {
            return await UpdateProcessQueueTableAsync(topic, queues.ToHashSet(), cancellationToken).ConfigureAwait(false);
        }

        var clientIds = await FindConsumerIdListAsync(topic, cancellationToken).ConfigureAwait(false);
        if (clientIds.Count == 0)
        {
            _logger.Warning("doRebalance, {ConsumerGroup} {Topic}, get consumer id list failed", Options.ConsumerGroup, topic);
            return false;
        }

        var allocated = AllocateMessageQueueAveragely.AllocateSorted(Instance.ClientId, queues, clientIds).ToHashSet();
        return await UpdateProcessQueueTableAsync(topic, allocated, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> FindConsumerIdListAsync(string topic, CancellationToken cancellationToken)
    {
        var route = Instance.GetCachedRoute(topic) ?? await Instance.UpdateTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var broker = route?.BrokerDatas.Count > 0 ? route.BrokerDatas[Random.Shared.Next(route.BrokerDatas.Count)] : null;
        var address = broker?.MasterAddr ?? broker?.BrokerAddrs.Values.FirstOrDefault();
        return address is null ? [] : await Instance.Broker.GetConsumerIdListByGroupAsync(address, Options.ConsumerGroup, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> UpdateProcessQueueTableAsync(string topic, IReadOnlySet<MessageQueue> allocated, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var queue in _workers.Keys.Where(q => q.Topic == topic && !allocated.Contains(q)).ToList())
        {
            await RemoveQueueAsync(queue, cancellationToken).ConfigureAwait(false);
            changed = true;
        }

        foreach (var queue in allocated.Where(q => !_workers.ContainsKey(q)).Order())
        {
            var processQueue = new ProcessQueue();
            if (ConsumeOrderly && Clustering && !await _lockService.LockAsync(queue, processQueue, cancellationToken).ConfigureAwait(false))
            {
                _logger.Warning("doRebalance, {ConsumerGroup}, add a new mq failed, {Queue}, because lock failed", Options.ConsumerGroup, queue);
                continue;
            }

            OffsetStore.RemoveOffset(queue);
            var next = await ComputePullFromWhereAsync(queue, cancellationToken).ConfigureAwait(false);
            if (next < 0)
            {
                _logger.Warning("doRebalance, {ConsumerGroup}, add new mq failed, {Queue}", Options.ConsumerGroup, queue);
                continue;
            }

            var worker = new QueueWorker(processQueue, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
            if (_workers.TryAdd(queue, worker))
            {
                _logger.Information("doRebalance, {ConsumerGroup}, add a new mq, {Queue}, from offset {Offset}", Options.ConsumerGroup, queue, next);
                worker.PullLoop = Task.Run(() => PullLoopAsync(queue, worker, next), CancellationToken.None);
                changed = true;
            }
        }

        return changed;
    }

    private async Task RemoveQueueAsync(MessageQueue queue, CancellationToken cancellationToken, bool persist = true)
    {
        if (!_workers.TryRemove(queue, out var worker))
        {
            return;
        }

        worker.ProcessQueue.Dropped = true;
        try
        {
            await worker.Cancellation.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // the pull loop ended on its own and released it
        }

        if (ConsumeOrderly && Clustering)
        {
            await ReleaseOrderlyQueueAsync(queue, worker.ProcessQueue, persist, cancellationToken).ConfigureAwait(false);
        }
        else if (persist)
        {
            await PersistOffsetAsync(queue, cancellationToken).ConfigureAwait(false);
        }

        OffsetStore.RemoveOffset(queue);
        _logger.Information("doRebalance, {ConsumerGroup}, remove unnecessary mq, {Queue}", Options.ConsumerGroup, queue);
    }

    /// <summary>
    /// An orderly queue leaves this client (removeUnnecessaryMessageQueue): wait for the batch in the listener
    /// (the consume lock), commit the offset to the broker and wait for the answer, then unlock the queue on the
    /// broker so the next owner starts where this one stopped. If the listener does not finish within the API
    /// timeout the queue is not unlocked; the broker's lock expires by itself.
    /// </summary>
    private async Task ReleaseOrderlyQueueAsync(MessageQueue queue, ProcessQueue pq, bool persist, CancellationToken cancellationToken)
    {
        var acquired = await pq.ConsumeLock.WaitAsync(Options.MqClientApiTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            if (persist && OffsetStore.ReadOffset(queue) is var offset and >= 0)
            {
                await UpdateOffsetOnBrokerAsync(queue, offset, oneway: false, cancellationToken).ConfigureAwait(false);
            }

            if (acquired)
            {
                await _lockService.UnlockAsync([queue], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _logger.Warning("{Queue} is being consumed for too long; not unlocked, the broker lock will expire", queue);
            }
        }
        finally
        {
            if (acquired)
            {
                pq.ConsumeLock.Release();
            }
        }
    }

    private async Task<long> ComputePullFromWhereAsync(MessageQueue queue, CancellationToken cancellationToken)
    {
        var lastOffset = await ReadOffsetFromBrokerAsync(queue, cancellationToken).ConfigureAwait(false);
        var timestamp = (Options.ConsumeTimestamp ?? TimeProvider.GetUtcNow().AddMinutes(-30)).ToUnixTimeMilliseconds();
        return await ConsumeFromWhereCalculator.ComputeAsync(
            Options.ConsumeFromWhere, lastOffset, ConsumerQueues.IsRetryTopic(queue.Topic),
            async () => await Instance.Broker.GetMaxOffsetAsync(await MasterAddressAsync(queue, cancellationToken).ConfigureAwait(false), queue.Topic, queue.QueueId, cancellationToken).ConfigureAwait(false),
            async () => await Instance.Broker.SearchOffsetAsync(await MasterAddressAsync(queue, cancellationToken).ConfigureAwait(false), queue.Topic, queue.QueueId, timestamp, cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    private async Task<string> MasterAddressAsync(MessageQueue queue, CancellationToken cancellationToken)
    {
        var found = Instance.FindBrokerAddressInSubscribe(queue.BrokerName, BrokerData.MasterId, onlyThisBroker: true);
        if (found is null)
        {
            await Instance.UpdateTopicRouteAsync(queue.Topic, cancellationToken).ConfigureAwait(false);
            found = Instance.FindBrokerAddressInSubscribe(queue.BrokerName, BrokerData.MasterId, onlyThisBroker: true);
        }

        return found?.BrokerAddr ?? throw new MQClientException(ClientErrorCode.BrokerNotExistException, $"The broker[{queue.BrokerName}] not exist", null);
    }

    // ---- pull ----

    private async Task PullLoopAsync(MessageQueue queue, QueueWorker worker, long nextOffset)
    {
        try
        {
            await PullUntilStoppedAsync(queue, worker, nextOffset).ConfigureAwait(false);
        }
        finally
        {
            worker.Cancellation.Dispose();
        }
    }

    private async Task PullUntilStoppedAsync(MessageQueue queue, QueueWorker worker, long nextOffset)
    {
        var pq = worker.ProcessQueue;
        var token = worker.Cancellation.Token;
        var flowControlTimes = 0L;
        while (!token.IsCancellationRequested && !pq.Dropped)
        {
            try
            {
                if (pq.MessageCount > Options.PullThresholdForQueue || pq.MessageSize > Options.PullThresholdSizeForQueue * 1024L * 1024L
                    || (!ConsumeOrderly && pq.MaxSpan > Options.ConsumeConcurrentlyMaxSpan))
                {
                    if (flowControlTimes++ % 1000 == 0)
                    {
                        _logger.Warning("The cached message count exceeds the threshold {Threshold}, so do flow control, {Queue} count {Count} size {Size}",
                            Options.PullThresholdForQueue, queue, pq.MessageCount, pq.MessageSize);
                    }

                    await Task.Delay(Options.PullTimeDelayWhenFlowControl, TimeProvider, token).ConfigureAwait(false);
                    continue;
                }

                if (!_subscriptions.TryGetValue(queue.Topic, out var subscription))
                {
                    await Task.Delay(Options.PullTimeDelayWhenException, TimeProvider, token).ConfigureAwait(false);
                    continue;
                }

                if (ConsumeOrderly && Clustering && !pq.Locked)
                {
                    _logger.Debug("the message queue not locked, so pull message later, {Queue}", queue);
                    await Task.Delay(Options.PullTimeDelayWhenException, TimeProvider, token).ConfigureAwait(false);
                    continue;
                }

                var result = await PullOnceAsync(queue, subscription, nextOffset, token).ConfigureAwait(false);
                pq.LastPullTimestamp = TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
                _pullFromWhichNode[queue] = result.SuggestWhichBrokerId;
                var outcome = PullResultHandler.Handle(result, queue, subscription, pq.MessageCount);
                nextOffset = outcome.NextOffset;
                if (outcome.CorrectOffset is { } corrected)
                {
                    OffsetStore.UpdateOffset(queue, corrected, increaseOnly: true);
                }

                if (outcome.Action == PullAction.DropQueue)
                {
                    _logger.Warning("The pull request offset illegal, {Queue}, next begin offset {Offset}", queue, nextOffset);
                    pq.Dropped = true;
                    OffsetStore.UpdateOffset(queue, nextOffset, increaseOnly: false);
                    await PersistOffsetAsync(queue, token).ConfigureAwait(false);
                    _workers.TryRemove(new KeyValuePair<MessageQueue, QueueWorker>(queue, worker));
                    return;
                }

                if (outcome.MessagesToConsume.Count > 0)
                {
                    var dispatchToConsume = pq.PutMessages(outcome.MessagesToConsume);
                    _consumeService.Submit(outcome.MessagesToConsume, pq, queue, dispatchToConsume);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.Warning(e, "Pull of {Queue} failed", queue);
                try
                {
                    await Task.Delay(Options.PullTimeDelayWhenException, TimeProvider, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<PullResult> PullOnceAsync(MessageQueue queue, SubscriptionData subscription, long nextOffset, CancellationToken cancellationToken)
    {
        var brokerId = _pullFromWhichNode.GetValueOrDefault(queue, BrokerData.MasterId);
        var found = Instance.FindBrokerAddressInSubscribe(queue.BrokerName, brokerId, onlyThisBroker: false);
        if (found is null)
        {
            await Instance.UpdateTopicRouteAsync(queue.Topic, cancellationToken).ConfigureAwait(false);
            found = Instance.FindBrokerAddressInSubscribe(queue.BrokerName, brokerId, onlyThisBroker: false)
                ?? throw new MQClientException(ClientErrorCode.BrokerNotExistException, $"The broker[{queue.BrokerName}] not exist", null);
        }

        var header = ConsumerQueues.BuildPullHeader(
            Options.ConsumerGroup, queue, subscription, nextOffset, Clustering ? OffsetStore.ReadOffset(queue) : 0, found.Slave,
            Options.PostSubscriptionWhenPull, Options.PullBatchSize, (long)Options.BrokerSuspendMaxTime.TotalMilliseconds);
        return await Instance.Broker.PullMessageAsync(found.BrokerAddr, header, Options.ConsumerTimeoutWhenSuspend, cancellationToken).ConfigureAwait(false);
    }

    // ---- consume ----

    /// <summary>
    /// The index of the first message of a batch to send back (processConsumeResult): after the ack index on
    /// success (all consumed by default), 0 on RECONSUME_LATER; == count when none.
    /// </summary>
    public static int FirstFailedIndex(ConsumeConcurrentlyStatus status, int ackIndex, int count) =>
        status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS ? Math.Min(Math.Max(ackIndex, -1), count - 1) + 1 : 0;

    /// <summary>Before the listener sees them, retried messages get their original topic back (resetRetryAndNamespace).</summary>
    public static void ResetRetryTopic(IEnumerable<MessageExt> messages, string consumerGroup)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var groupTopic = ConsumerQueues.RetryTopic(consumerGroup);
        foreach (var message in messages)
        {
            if (message.GetProperty(MessageConst.RetryTopic) is { } retryTopic && message.Topic == groupTopic)
            {
                message.Topic = retryTopic;
            }
        }
    }

    /// <summary>
    /// Stops pulling, waits for consumption in flight, persists every offset, unlocks the queues of an orderly
    /// consumer (after the offsets, so the next owner reads them) and unregisters from the brokers.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Periodic.WhenAllStoppedAsync(_background).ConfigureAwait(false);
        await Periodic.WhenAllStoppedAsync(_workers.Values.Select(w => w.PullLoop ?? Task.CompletedTask)).ConfigureAwait(false);
        if (_consumeService is not null)
        {
            await _consumeService.WhenStoppedAsync().ConfigureAwait(false);
        }

        await _backSender.DisposeAsync().ConfigureAwait(false);
        if (_instance is not null)
        {
            using var timeout = new CancellationTokenSource(Options.MqClientApiTimeout);
            // an orderly consumer waits for the answers: the next owner of its queues reads these offsets after the unlock
            await PersistAllAsync(oneway: !ConsumeOrderly, timeout.Token).ConfigureAwait(false);
            if (ConsumeOrderly && Clustering)
            {
                await _lockService.UnlockAsync(_workers.Keys.ToList(), timeout.Token).ConfigureAwait(false);
            }

            await _instance.UnregisterClientAsync(null, Options.ConsumerGroup, timeout.Token).ConfigureAwait(false);
            await _instance.DisposeAsync().ConfigureAwait(false);
        }

        if (_notifyExecutor is not null)
        {
            await _notifyExecutor.DisposeAsync().ConfigureAwait(false);
        }

        (_consumeService as IDisposable)?.Dispose();
        _stopping.Dispose();
        _rebalanceLock.Dispose();
    }

    private sealed class QueueWorker(ProcessQueue processQueue, CancellationTokenSource cancellation)
    {
        public ProcessQueue ProcessQueue { get; } = processQueue;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task? PullLoop { get; set; }
    }
}
