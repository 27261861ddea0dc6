using Rmq.Client.Broker;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Client.Consumer;

/// <summary>
/// A pull consumer for tools (DefaultMQPullConsumer): list a topic's queues, pull a queue from an offset
/// with a tag expression (no long polling), read queue bounds and offsets by time, read and write the
/// group's committed offsets.
/// </summary>
public sealed class PullConsumer : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly Dictionary<MessageQueue, long> _pullFromWhichNode = [];
    private readonly Lock _lock = new();
    private ClientInstance? _instance;

    public PullConsumer(PullConsumerOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<PullConsumer>();
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    public PullConsumerOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ClientInstance Instance => _instance ??= new ClientInstance(Options, _logger, TimeProvider);

    /// <summary>Creates the connection state (pulling also does this on first use).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _ = Instance;
        return Task.CompletedTask;
    }

    /// <summary>The readable queues of <paramref name="topic"/> (fetchSubscribeMessageQueues).</summary>
    /// <exception cref="MQClientException">17 when the topic has no route.</exception>
    public async Task<IReadOnlyList<MessageQueue>> FetchSubscribeMessageQueuesAsync(string topic, CancellationToken cancellationToken = default)
    {
        var route = await Instance.NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        Instance.CacheRoute(topic, route);
        return ConsumerQueues.SubscribeQueues(topic, route);
    }

    /// <summary>Pulls up to <paramref name="maxNums"/> messages of <paramref name="queue"/> from <paramref name="offset"/>; the broker answers at once.</summary>
    public async Task<PullConsumerResult> PullAsync(MessageQueue queue, string subExpression, long offset, int maxNums, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNums);
        var subscription = SubscriptionData.ForTags(queue.Topic, subExpression, 0);
        var found = await FindAsync(queue, cancellationToken).ConfigureAwait(false);
        var header = ConsumerQueues.BuildPullHeader(
            Options.ConsumerGroup, queue, subscription, offset, localOffset: 0, toSlave: found.Slave, postSubscription: true,
            maxNums, (long)Options.BrokerSuspendMaxTime.TotalMilliseconds, suspend: false);
        var result = await Instance.Broker.PullMessageAsync(found.BrokerAddr, header, Options.ConsumerPullTimeout, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _pullFromWhichNode[queue] = result.SuggestWhichBrokerId;
        }

        var messages = TagFilter.Filter(result.DecodeMessages(queue.BrokerName), subscription);
        return new PullConsumerResult(result.PullStatus, result.NextBeginOffset, result.MinOffset, result.MaxOffset, messages);
    }

    public async Task<long> MaxOffsetAsync(MessageQueue queue, CancellationToken cancellationToken = default) =>
        await Instance.Broker.GetMaxOffsetAsync(await MasterAsync(queue, cancellationToken).ConfigureAwait(false), queue.Topic, queue.QueueId, cancellationToken).ConfigureAwait(false);

    public async Task<long> MinOffsetAsync(MessageQueue queue, CancellationToken cancellationToken = default) =>
        await Instance.Broker.GetMinOffsetAsync(await MasterAsync(queue, cancellationToken).ConfigureAwait(false), queue.Topic, queue.QueueId, cancellationToken).ConfigureAwait(false);

    /// <summary>The queue offset whose store time is nearest to <paramref name="timestamp"/>.</summary>
    public async Task<long> SearchOffsetAsync(MessageQueue queue, DateTimeOffset timestamp, CancellationToken cancellationToken = default) =>
        await Instance.Broker.SearchOffsetAsync(await MasterAsync(queue, cancellationToken).ConfigureAwait(false), queue.Topic, queue.QueueId, timestamp.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);

    public async Task<DateTimeOffset> EarliestMsgStoreTimeAsync(MessageQueue queue, CancellationToken cancellationToken = default) =>
        DateTimeOffset.FromUnixTimeMilliseconds(await Instance.Broker.GetEarliestMsgStoreTimeAsync(await MasterAsync(queue, cancellationToken).ConfigureAwait(false), queue.Topic, queue.QueueId, cancellationToken).ConfigureAwait(false));

    /// <summary>The group's committed offset of <paramref name="queue"/>, or null when none.</summary>
    public async Task<long?> FetchConsumeOffsetAsync(MessageQueue queue, CancellationToken cancellationToken = default) =>
        await Instance.Broker.QueryConsumerOffsetAsync(await MasterAsync(queue, cancellationToken).ConfigureAwait(false), Options.ConsumerGroup, queue.Topic, queue.QueueId, cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task UpdateConsumeOffsetAsync(MessageQueue queue, long offset, CancellationToken cancellationToken = default) =>
        await Instance.Broker.UpdateConsumerOffsetAsync(await MasterAsync(queue, cancellationToken).ConfigureAwait(false), Options.ConsumerGroup, queue.Topic, queue.QueueId, offset, cancellationToken: cancellationToken).ConfigureAwait(false);

    private async Task<FindBrokerResult> FindAsync(MessageQueue queue, CancellationToken cancellationToken)
    {
        long brokerId;
        lock (_lock)
        {
            brokerId = _pullFromWhichNode.GetValueOrDefault(queue, BrokerData.MasterId);
        }

        var found = Instance.FindBrokerAddressInSubscribe(queue.BrokerName, brokerId, onlyThisBroker: false);
        if (found is null)
        {
            await Instance.UpdateTopicRouteAsync(queue.Topic, cancellationToken).ConfigureAwait(false);
            found = Instance.FindBrokerAddressInSubscribe(queue.BrokerName, brokerId, onlyThisBroker: false);
        }

        return found ?? throw new MQClientException(ClientErrorCode.BrokerNotExistException, $"The broker[{queue.BrokerName}] not exist", null);
    }

    private async Task<string> MasterAsync(MessageQueue queue, CancellationToken cancellationToken)
    {
        var address = Instance.FindBrokerAddressInPublish(queue.BrokerName);
        if (address is null)
        {
            await Instance.UpdateTopicRouteAsync(queue.Topic, cancellationToken).ConfigureAwait(false);
            address = Instance.FindBrokerAddressInPublish(queue.BrokerName);
        }

        return address ?? throw new MQClientException(ClientErrorCode.BrokerNotExistException, $"The broker[{queue.BrokerName}] not exist", null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync().ConfigureAwait(false);
        }
    }
}
