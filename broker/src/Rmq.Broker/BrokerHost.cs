using System.Globalization;
using System.Net;
using Rmq.Broker.Client;
using Rmq.Broker.Config;
using Rmq.Broker.Ha;
using Rmq.Broker.LongPolling;
using Rmq.Broker.Metadata;
using Rmq.Broker.Processors;
using Rmq.Broker.Registration;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker;

/// <summary>
/// A running broker. Composes, owns and orders the lifecycle of: the message store, the metadata managers, the
/// per-family executors and their processors, the remoting server, name-server registration and client
/// housekeeping. Holds no protocol logic itself.
/// </summary>
public sealed class BrokerHost : IAsyncDisposable, IChannelEventListener
{
    private readonly BrokerOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly BrokerContext _context;
    private readonly List<RequestExecutor> _executors = [];
    private readonly RemotingServer _server;
    private readonly BrokerRegistrationService _registration;
    private readonly ClientHousekeepingService _housekeeping;
    private readonly ConsumerIdsChangeNotifier _notifier;
    private readonly BrokerReplication _replication;
    private readonly SlaveSynchronizer? _slaveSync;
    private readonly IPAddress _listenAddress;
    private readonly Schedule.ScheduleMessageService _schedule;
    private int _stopped;
    private bool _started;

    public BrokerHost(BrokerOptions options, string listenAddress = "0.0.0.0", ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var log = logger ?? Serilog.Core.Logger.None;
        _log = log.ForContext<BrokerHost>();
        _time = timeProvider ?? TimeProvider.System;

        var net = options.Network;
        State = new BrokerState(
            options.Messaging.BrokerPermission,
            Address(net.BrokerIP1, net.AdvertisedListenPort > 0 ? net.AdvertisedListenPort : net.ListenPort),
            Address(net.BrokerIP2, net.HaListenPort),
            Address(net.BrokerIP1, net.ListenPort));

        var hold = new PullRequestHoldService(_time, log);
        var arriving = new Schedule.ArrivingListenerFanout(hold);
        _listenAddress = IPAddress.TryParse(listenAddress, out var bind) ? bind : IPAddress.Any;
        _replication = new BrokerReplication(options.Store.BrokerRole, options.Ha, State, log);
        var store = new MessageStore(options.Store, new MessageStoreServices
        {
            Logger = log,
            TimeProvider = _time,
            ArrivingListener = _replication.WrapArrivingListener(arriving),
            ReplicationWaiter = _replication.ReplicationWaiter,
        });
        var consumers = new ConsumerManager(_time, log);
        var storeStats = new Stats.StoreStatsService();
        _context = new BrokerContext
        {
            Options = options,
            State = State,
            Store = store,
            Topics = new TopicConfigManager(options, _time, log),
            SubscriptionGroups = new SubscriptionGroupManager(options, _time, log),
            Offsets = new ConsumerOffsetManager(options, log),
            Consumers = consumers,
            Producers = new ProducerManager(_time, log),
            PullHold = hold,
            Time = _time,
            DelayLevels = new Schedule.DelayLevels(options.Store.MessageDelayLevel),
            Logger = log,
            BrokerStats = new Stats.BrokerStatsManager(options.Identity.ClusterName, _time),
            StoreStats = storeStats,
            DailyTotals = new Stats.DailyMessageTotals(storeStats),
        };
        StatsSampling = new Stats.StatsSamplingService(storeStats, _context.BrokerStats, _context.DailyTotals, _time, log);
        _schedule = new Schedule.ScheduleMessageService(_context);
        TransactionCheck = new Transaction.TransactionCheckService(_context,
            TimeSpan.FromMilliseconds(options.Messaging.TransactionCheckInterval),
            TimeSpan.FromMilliseconds(options.Messaging.TransactionTimeOut),
            options.Messaging.TransactionCheckMax);
        arriving.Schedule = _schedule;
        ConfigTable = new BrokerConfigTable(options, _time);
        _notifier = new ConsumerIdsChangeNotifier(log);
        consumers.ConsumerIdsChanged += _notifier.Notify;

        _slaveSync = options.Identity.IsSlave
            ? new SlaveSynchronizer(State, _context.Topics, _context.SubscriptionGroups, _context.Offsets, options.SlaveSyncFirstDelay, options.SlaveSyncPeriod, _time, log)
            : null;
        _registration = new BrokerRegistrationService(options, State, _context.Topics, _time, log);
        _context.RegisterBrokerAll = _registration.TriggerRegister;
        _context.Topics.Changed += _registration.TriggerRegister;
        _housekeeping = new ClientHousekeepingService(consumers, _context.Producers, PersistOffsets,
            TimeSpan.FromMilliseconds(options.Messaging.FlushConsumerOffsetInterval), _time, log);

        Processors = BuildProcessorTable(log);
        _server = new RemotingServer(
            new RemotingServerOptions
            {
                ListenAddress = listenAddress,
                ListenPort = net.ListenPort,
                ServerChannelMaxIdleTimeSeconds = net.ServerChannelMaxIdleTimeSeconds,
            },
            Processors,
            log)
        {
            ChannelEventListener = this,
        };
    }

    public BrokerOptions Options => _options;

    public BrokerState State { get; }

    public BrokerConfigTable ConfigTable { get; }

    public ProcessorTable Processors { get; }

    public MessageStore Store => _context.Store;

    public TopicConfigManager Topics => _context.Topics;

    public SubscriptionGroupManager SubscriptionGroups => _context.SubscriptionGroups;

    public ConsumerOffsetManager Offsets => _context.Offsets;

    public ConsumerManager Consumers => _context.Consumers;

    public ProducerManager Producers => _context.Producers;

    public BrokerRegistrationService Registration => _registration;

    /// <summary>Master/Slave replication of this broker's commit log.</summary>
    public BrokerReplication Replication => _replication;

    internal Transaction.TransactionCheckService TransactionCheck { get; }

    /// <summary>Samples the broker's statistics (tests force a round with <see cref="Stats.StatsSamplingService.Tick"/>).</summary>
    public Stats.StatsSamplingService StatsSampling { get; }

    public Stats.BrokerStatsManager BrokerStats => _context.BrokerStats;

    public Stats.StoreStatsService StoreStats => _context.StoreStats;

    /// <summary>The bound address once started.</summary>
    public IPEndPoint? LocalEndPoint => _server.LocalEndPoint;

    /// <summary>Held long-polling pulls (diagnostics and tests).</summary>
    public int HeldPullCount => _context.PullHold.HeldCount;

    public async Task<IPEndPoint> StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_options.ConfigDirectory);
        _context.Topics.Load();
        _context.SubscriptionGroups.Load();
        _context.Offsets.Load();
        _schedule.Load();
        _context.Topics.Persist();
        await _context.Store.StartAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
        _schedule.Start();
        TransactionCheck.Start();
        StatsSampling.Start();
        var endPoint = await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        if (_options.Network.ListenPort == 0)
        {
            // port 0: register and stamp what was actually bound
            var net = _options.Network;
            State.BrokerAddress = Address(net.BrokerIP1, net.AdvertisedListenPort > 0 ? net.AdvertisedListenPort : endPoint.Port);
            State.HaServerAddress = Address(net.BrokerIP2, endPoint.Port + 1);
            State.StoreHost = Address(net.BrokerIP1, endPoint.Port);
        }

        // 4.x: the HA port is listenPort + 1; a broker on an ephemeral port takes an ephemeral HA port too.
        var haPort = await _replication.StartAsync(_context.Store, _listenAddress, _options.Network.ListenPort == 0 ? 0 : endPoint.Port + 1, cancellationToken).ConfigureAwait(false);
        if (haPort is { } boundHaPort && _options.Network.ListenPort == 0)
        {
            State.HaServerAddress = Address(_options.Network.BrokerIP2, boundHaPort);
        }

        _housekeeping.Start();
        _slaveSync?.Start();
        await _registration.StartAsync(cancellationToken).ConfigureAwait(false);
        _log.Information("The broker[{BrokerName}, {BrokerAddress}] boot success. serializeType=JSON and name server is {NameServers}",
            _options.Identity.BrokerName, State.BrokerAddress, string.Join(';', _options.Network.NameServerAddresses));
        return endPoint;
    }

    /// <summary>Stops accepting, unregisters, persists offsets and metadata, and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _server.DisposeAsync().ConfigureAwait(false);
        _context.PullHold.Dispose();
        await _housekeeping.DisposeAsync().ConfigureAwait(false);
        await _schedule.DisposeAsync().ConfigureAwait(false);
        await TransactionCheck.DisposeAsync().ConfigureAwait(false);
        await StatsSampling.DisposeAsync().ConfigureAwait(false);
        if (_started)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _registration.UnregisterAllAsync(timeout.Token).ConfigureAwait(false);
        }

        await _registration.DisposeAsync().ConfigureAwait(false);
        foreach (var executor in _executors)
        {
            await executor.DisposeAsync().ConfigureAwait(false);
        }

        if (_started)
        {
            PersistOffsets();
            _context.Topics.Persist();
            _context.SubscriptionGroups.Persist();
        }

        if (_slaveSync is not null)
        {
            await _slaveSync.DisposeAsync().ConfigureAwait(false);
        }

        await _replication.DisposeAsync().ConfigureAwait(false);
        await _context.Store.DisposeAsync().ConfigureAwait(false);
        _log.Information("The broker[{BrokerName}, {BrokerAddress}] shutdown OK", _options.Identity.BrokerName, State.BrokerAddress);
    }

    private void PersistOffsets()
    {
        _context.Offsets.Persist();
        _schedule.Persist();
    }

    void IChannelEventListener.OnChannelClose(IRemotingChannel channel) => ClientGone(channel);

    void IChannelEventListener.OnChannelIdle(IRemotingChannel channel)
    {
        ClientGone(channel);
        _ = channel.CloseAsync();
    }

    void IChannelEventListener.OnChannelException(IRemotingChannel channel, Exception exception) => ClientGone(channel);

    private void ClientGone(IRemotingChannel channel)
    {
        _context.Consumers.DoChannelCloseEvent(channel);
        _context.Producers.DoChannelCloseEvent(channel);
    }

    private ProcessorTable BuildProcessorTable(ILogger log)
    {
        var e = _options.Executors;
        // A put waiting for the disk (SYNC_FLUSH) or the slave (SYNC_MASTER) releases its send thread, as RocketMQ 4.9's
        // asyncPutMessage does: otherwise sendMessageThreadPoolNums bounds how many puts can wait at once.
        var send = NewExecutor("SendMessageThread", e.SendThreads, e.SendQueueCapacity, log, maxAwaitingItems: e.SendQueueCapacity);
        var pull = NewExecutor("PullMessageThread", e.PullThreads, e.PullQueueCapacity, log);
        var query = NewExecutor("QueryMessageThread", e.QueryThreads, e.QueryQueueCapacity, log);
        var admin = NewExecutor("AdminBrokerThread", e.AdminThreads, e.AdminQueueCapacity, log);
        var clientManage = NewExecutor("ClientManageThread", e.ClientManageThreads, e.ClientManageQueueCapacity, log);
        var heartbeat = NewExecutor("HeartbeatThread", e.HeartbeatThreads, e.HeartbeatQueueCapacity, log);
        var consumerManage = NewExecutor("ConsumerManageThread", e.ConsumerManageThreads, e.ConsumerManageQueueCapacity, log);

        var table = new ProcessorTable();
        var sendProcessor = new SendMessageProcessor(_context, send);
        table.Register(RequestCode.SendMessage, sendProcessor, send);
        table.Register(RequestCode.SendMessageV2, sendProcessor, send);
        table.Register(RequestCode.SendBatchMessage, sendProcessor, send);
        table.Register(RequestCode.ConsumerSendMsgBack, new ConsumerSendMsgBackProcessor(_context), send);
        var endTransaction = NewExecutor("EndTransactionThread", e.EndTransactionThreads, e.EndTransactionQueueCapacity, log);
        table.Register(RequestCode.EndTransaction, new EndTransactionProcessor(_context), endTransaction);

        table.Register(RequestCode.PullMessage, new PullMessageProcessor(_context, pull), pull);

        var queryProcessor = new MessageQueryProcessor(_context);
        table.Register(RequestCode.QueryMessage, queryProcessor, query);
        table.Register(RequestCode.ViewMessageById, queryProcessor, query);

        table.Register(RequestCode.HeartBeat, new HeartbeatProcessor(_context), heartbeat);
        table.Register(RequestCode.UnregisterClient, new UnregisterClientProcessor(_context), clientManage);
        table.Register(RequestCode.CheckClientConfig, new CheckClientConfigProcessor(), clientManage);

        var lockProcessor = new LockBatchMqProcessor(new RebalanceLockManager(_time, log));
        table.Register(RequestCode.LockBatchMq, lockProcessor, admin);
        table.Register(RequestCode.UnlockBatchMq, lockProcessor, admin);

        table.Register(RequestCode.GetConsumerListByGroup, new GetConsumerListByGroupProcessor(_context), consumerManage);
        table.Register(RequestCode.QueryConsumerOffset, new QueryConsumerOffsetProcessor(_context), consumerManage);
        table.Register(RequestCode.UpdateConsumerOffset, new UpdateConsumerOffsetProcessor(_context), consumerManage);

        var offsets = new QueueOffsetProcessor(_context);
        table.Register(RequestCode.SearchOffsetByTimestamp, offsets, admin);
        table.Register(RequestCode.GetMaxOffset, offsets, admin);
        table.Register(RequestCode.GetMinOffset, offsets, admin);
        table.Register(RequestCode.GetEarliestMsgStoretime, offsets, admin);
        table.Register(RequestCode.GetAllConsumerOffset, new GetAllConsumerOffsetProcessor(_context), admin);
        table.Register(RequestCode.GetAllDelayOffset, new GetAllDelayOffsetProcessor(_schedule), admin);

        var topics = new TopicAdminProcessor(_context);
        table.Register(RequestCode.UpdateAndCreateTopic, topics, admin);
        table.Register(RequestCode.DeleteTopicInBroker, topics, admin);
        table.Register(RequestCode.GetAllTopicConfig, topics, admin);

        var groups = new SubscriptionGroupAdminProcessor(_context);
        table.Register(RequestCode.UpdateAndCreateSubscriptionGroup, groups, admin);
        table.Register(RequestCode.GetAllSubscriptionGroupConfig, groups, admin);
        table.Register(RequestCode.DeleteSubscriptionGroup, groups, admin);

        var topicStats = new TopicStatsProcessor(_context);
        table.Register(RequestCode.GetTopicStatsInfo, topicStats, admin);
        table.Register(RequestCode.GetSystemTopicListFromBroker, topicStats, admin);
        var connections = new ClientConnectionProcessor(_context);
        table.Register(RequestCode.GetConsumerConnectionList, connections, admin);
        table.Register(RequestCode.GetProducerConnectionList, connections, admin);
        table.Register(RequestCode.QueryTopicConsumeByWho, connections, admin);
        table.Register(RequestCode.GetConsumeStats, new ConsumeStatsProcessor(_context), admin);
        var forward = new ConsumerClientForwardProcessor(_context);
        table.Register(RequestCode.GetConsumerRunningInfo, forward, admin);
        table.Register(RequestCode.ConsumeMessageDirectly, forward, admin);
        table.Register(RequestCode.InvokeBrokerToResetOffset, new ResetOffsetProcessor(_context), admin);
        table.Register(RequestCode.QueryConsumeTimeSpan, new QueryConsumeTimeSpanProcessor(_context), admin);
        table.Register(RequestCode.CloneGroupOffset, new CloneGroupOffsetProcessor(_context), admin);
        table.Register(RequestCode.ViewBrokerStatsData, new ViewBrokerStatsDataProcessor(_context), admin);
        table.Register(RequestCode.CleanUnusedTopic, new CleanUnusedTopicProcessor(_context), admin);
        table.Register(RequestCode.GetBrokerConsumeStats, new BrokerConsumeStatsProcessor(_context), admin);
        table.Register(RequestCode.QueryConsumeQueue, new QueryConsumeQueueProcessor(_context), admin);
        table.Register(RequestCode.GetAllProducerInfo, new GetAllProducerInfoProcessor(_context), admin);
        var maintenance = new StoreMaintenanceProcessor(_context);
        table.Register(RequestCode.CleanExpiredConsumeQueue, maintenance, admin);
        table.Register(RequestCode.DeleteExpiredCommitLog, maintenance, admin);

        var executors = new Dictionary<string, RequestExecutor>(StringComparer.Ordinal) { ["send"] = send, ["pull"] = pull, ["query"] = query };
        table.Register(RequestCode.GetBrokerRuntimeInfo, new BrokerRuntimeInfoProcessor(_context, executors, endTransaction, () => _schedule.Offsets, _time.GetUtcNow()), admin);

        var config = new BrokerConfigProcessor(_context, ConfigTable);
        table.Register(RequestCode.GetBrokerConfig, config, admin);
        table.Register(RequestCode.UpdateBrokerConfig, config, admin);
        return table;
    }

    private RequestExecutor NewExecutor(string name, int threads, int capacity, ILogger log, int maxAwaitingItems = 0)
    {
        var executor = new RequestExecutor(name, threads, capacity, log, _time, maxAwaitingItems);
        _executors.Add(executor);
        return executor;
    }

    private static string Address(string ip, int port) => string.Create(CultureInfo.InvariantCulture, $"{ip}:{port}");
}
