using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Rmq.Store;
using Serilog;

namespace Rmq.Ha;

/// <summary>
/// Master side of commit-log replication (RocketMQ <c>HAService</c>): accepts slaves on <c>haListenPort</c>, streams
/// the commit log to each, tracks the highest acknowledged offset and answers the store's SYNC_MASTER waits.
/// </summary>
/// <remarks>
/// Construct it before the store (it is the store's <see cref="MessageStoreServices.ReplicationWaiter"/>, and its
/// <see cref="WrapArrivingListener"/> wakes the senders on new messages), then <see cref="StartAsync"/> it with the
/// started store. Until started, and whenever no slave replicates, <see cref="IsSlaveOk"/> is false.
/// </remarks>
public sealed class HaService : ISyncReplicationWaiter, IAsyncDisposable
{
    private static readonly TimeSpan NotOkLogInterval = TimeSpan.FromSeconds(30);
    private readonly HaOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly SlaveAckWaiters _waiters;
    private readonly Lock _connectionsLock = new();
    private readonly ConcurrentDictionary<(string Host, HaProblemKind Kind, long SlaveOffset), HaReplicationProblem> _problems = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile HaConnection[] _connections = [];
    private readonly ConcurrentDictionary<HaConnection, Task> _connectionTasks = new();
    private MessageStore? _store;
    private Socket? _listener;
    private Task? _acceptLoop;
    private long _lastNotOkLogTimestamp;
    private int _disposed;

    public HaService(HaOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<HaService>();
        _time = timeProvider ?? TimeProvider.System;
        _waiters = new SlaveAckWaiters(_time);
    }

    public HaOptions Options => _options;

    /// <summary>Where the HA listener is bound (its port when <c>haListenPort</c> is 0); null before start.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>Highest offset any slave acknowledged (RocketMQ <c>push2SlaveMaxOffset</c>); never decreases.</summary>
    public long PushedToSlaveOffset => _waiters.AckedOffset;

    /// <summary>Connections whose slave reported an offset this master can serve.</summary>
    public int ReplicatingSlaveCount
    {
        get
        {
            var count = 0;
            foreach (var connection in _connections)
            {
                count += connection.Replicating ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>Test hook: runs before each sender looks for data at an offset (to hold a sender back).</summary>
    internal Func<long, CancellationToken, Task>? BeforeTransferAsync { get; set; }

    /// <summary>Binds <c>haListenAddress:haListenPort</c> and starts accepting slaves of <paramref name="store"/>.</summary>
    public Task StartAsync(MessageStore store, CancellationToken cancellationToken) =>
        StartAsync(store, new IPEndPoint(_options.HaListenAddress, _options.HaListenPort), cancellationToken);

    /// <summary>
    /// Binds <paramref name="listenOn"/> instead of the configured address (a broker on an ephemeral port
    /// knows its HA port, listenPort + 1, only once its remoting server is bound).
    /// </summary>
    public Task StartAsync(MessageStore store, IPEndPoint listenOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listenOn);
        ArgumentNullException.ThrowIfNull(store);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (_store is not null)
        {
            throw new InvalidOperationException("The HA service is already started.");
        }

        var listener = new Socket(listenOn.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(listenOn);
            listener.Listen(64);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _store = store;
        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, _stop.Token), CancellationToken.None);
        _log.Information("HA service listening on {HaListenAddress}", LocalEndPoint.ToString());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public bool IsSlaveOk(long masterPutWhere)
    {
        var ok = ReplicatingSlaveCount > 0 && masterPutWhere - PushedToSlaveOffset < _options.HaSlaveFallbehindMax;
        if (!ok)
        {
            LogNotOkOccasionally(masterPutWhere);
        }

        return ok;
    }

    /// <summary>
    /// Completes true once a slave acknowledged <paramref name="endOffset"/>, false after <c>slaveTimeout</c>
    /// (which the store maps to FLUSH_SLAVE_TIMEOUT). Wakes the senders so the bytes leave at once.
    /// </summary>
    public Task<bool> WaitForSlaveAsync(long endOffset, CancellationToken cancellationToken)
    {
        NotifyNewData();
        var acked = _waiters.WaitAsync(endOffset, TimeSpan.FromMilliseconds(_options.SlaveTimeout));
        return cancellationToken.CanBeCanceled && !acked.IsCompleted ? acked.WaitAsync(cancellationToken) : acked;
    }

    /// <summary>Wakes every caught-up sender: new commit-log bytes are there (cheap; call it on every append).</summary>
    public void NotifyNewData()
    {
        foreach (var connection in _connections)
        {
            connection.WakeUp();
        }
    }

    /// <summary>
    /// An arriving listener for <see cref="MessageStoreServices.ArrivingListener"/> that wakes the senders on every
    /// dispatched message and then calls <paramref name="inner"/> (e.g. the long-polling pull holder).
    /// </summary>
    public IMessageArrivingListener WrapArrivingListener(IMessageArrivingListener? inner = null) => new WakingArrivingListener(this, inner);

    /// <summary>Replication state for operators.</summary>
    public HaMasterStatus GetStatus()
    {
        var store = _store;
        var max = store?.MaxPhyOffset ?? 0;
        var ok = store is not null && ReplicatingSlaveCount > 0 && max - PushedToSlaveOffset < _options.HaSlaveFallbehindMax;
        return new HaMasterStatus
        {
            ListenAddress = LocalEndPoint?.ToString(),
            MasterMaxOffset = max,
            MasterMinOffset = store?.MinPhyOffset ?? 0,
            PushedToSlaveOffset = PushedToSlaveOffset,
            IsSlaveOk = ok,
            SlaveNotOkReason = ok ? null : NotOkReason(max),
            Slaves = [.. _connections.Select(c => c.GetStatus(max))],
            Problems = [.. _problems.Values.OrderBy(p => p.At)],
        };
    }

    /// <summary>Stops listening and closes every slave connection with a TCP reset, as a crashed master would (tests).</summary>
    internal void Abort()
    {
        _stop.Cancel();
        _listener?.Dispose();
        foreach (var connection in _connections)
        {
            connection.Abort();
        }
    }

    /// <summary>Cuts every slave connection (tests); the slaves reconnect.</summary>
    internal void DropConnections()
    {
        foreach (var connection in _connections)
        {
            connection.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        Task[] running;
        lock (_connectionsLock)
        {
            foreach (var connection in _connections)
            {
                connection.Close();
            }

            running = [.. _connectionTasks.Values];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        _waiters.FailAll();
        _stop.Dispose();
        if (LocalEndPoint is not null)
        {
            _log.Information("HA service on {HaListenAddress} stopped", LocalEndPoint.ToString());
        }
    }

    /// <summary>
    /// Decides where a slave reporting <paramref name="slaveOffset"/> continues. False when this master cannot serve
    /// it (offset lost or diverged); <paramref name="offer"/> is then the offset this master could send from.
    /// </summary>
    internal bool TryAcceptSlaveOffset(HaConnection connection, long slaveOffset, out long transferFrom, out long offer)
    {
        var store = _store!;
        var min = store.MinPhyOffset;
        var max = store.MaxPhyOffset;
        if (slaveOffset == 0)
        {
            var fileSize = store.Options.MappedFileSizeCommitLog;
            transferFrom = _options.HaEmptySlaveStartsFromMinOffset ? min : Math.Max(min, max - (max % fileSize));
            offer = transferFrom;
            ClearProblems(connection.RemoteHost);
            return true;
        }

        if (slaveOffset >= min && slaveOffset <= max)
        {
            transferFrom = slaveOffset;
            offer = slaveOffset;
            ClearProblems(connection.RemoteHost);
            return true;
        }

        transferFrom = -1;
        var below = slaveOffset < min;
        offer = below ? min : max;
        var kind = below ? HaProblemKind.SlaveOffsetBelowMasterMin : HaProblemKind.SlaveOffsetAboveMasterMax;
        var message = below
            ? $"Slave {connection.RemoteAddress} needs commit-log offset {slaveOffset}, below this master's min offset {min} (max {max}): the files it needs next were deleted and it cannot catch up; {HaReplicationProblem.ReseedAdvice}."
            : $"Slave {connection.RemoteAddress} reports commit-log offset {slaveOffset}, above this master's max offset {max} (min {min}): the slave holds {slaveOffset - max} bytes this master does not have (master store replaced, truncated or lost unflushed data); {HaReplicationProblem.ReseedAdvice}.";
        var key = (connection.RemoteHost, kind, slaveOffset);
        var isNew = !_problems.ContainsKey(key);
        _problems[key] = new HaReplicationProblem
        {
            Kind = kind,
            RemoteAddress = connection.RemoteAddress,
            SlaveOffset = slaveOffset,
            MasterMinOffset = min,
            MasterOffset = max,
            At = _time.GetUtcNow(),
            Message = message,
        };

        // Once per distinct fault at Error; the slave retries every few seconds, repeats go to Debug.
        var level = isNew ? Serilog.Events.LogEventLevel.Error : Serilog.Events.LogEventLevel.Debug;
        _log.Write(level, "HA slave {Slave} rejected ({Problem}): slave offset {SlaveOffset}, master min {MasterMinOffset}, master max {MasterMaxOffset}. {Message}", connection.RemoteAddress, kind, slaveOffset, min, max, message);
        return false;
    }

    internal void OnReplicating(long reportedOffset) => OnAck(reportedOffset);

    internal void OnAck(long offset) => _waiters.Ack(offset);

    private async Task AcceptLoopAsync(Socket listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                if (ct.IsCancellationRequested)
                {
                    return;
                }

                _log.Warning(e, "HA accept failed on {HaListenAddress}", LocalEndPoint?.ToString());
                continue;
            }

            var connection = new HaConnection(this, socket, _store!, _options, _time, _log);
            _log.Information("HA slave {Slave} connected", connection.RemoteAddress);
            lock (_connectionsLock)
            {
                _connections = [.. _connections, connection];
                _connectionTasks[connection] = RunConnectionAsync(connection);
            }
        }
    }

    private async Task RunConnectionAsync(HaConnection connection)
    {
        await Task.Yield();
        await connection.RunAsync().ConfigureAwait(false);
        lock (_connectionsLock)
        {
            _connections = [.. _connections.Where(c => c != connection)];
            _connectionTasks.TryRemove(connection, out _);
        }

        _log.Information("HA slave {Slave} disconnected at ack offset {AckOffset}", connection.RemoteAddress, connection.AckOffset);
    }

    private void ClearProblems(string host)
    {
        foreach (var key in _problems.Keys.Where(k => k.Host == host))
        {
            _problems.TryRemove(key, out _);
        }
    }

    private string NotOkReason(long masterMax)
    {
        if (_store is null)
        {
            return "the HA service is not started";
        }

        if (ReplicatingSlaveCount == 0)
        {
            var problems = _problems.Values.OrderBy(p => p.At).ToList();
            return problems.Count == 0
                ? "no slave is connected"
                : $"no slave is connected; rejected: {string.Join(" | ", problems.Select(p => p.Message))}";
        }

        return $"the slaves are {masterMax - PushedToSlaveOffset} bytes behind (haSlaveFallbehindMax {_options.HaSlaveFallbehindMax})";
    }

    private void LogNotOkOccasionally(long masterPutWhere)
    {
        var last = Interlocked.Read(ref _lastNotOkLogTimestamp);
        if (last != 0 && _time.GetElapsedTime(last) < NotOkLogInterval)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastNotOkLogTimestamp, _time.GetTimestamp(), last) == last)
        {
            _log.Warning("SYNC_MASTER answers SLAVE_NOT_AVAILABLE: {Reason}", NotOkReason(masterPutWhere));
        }
    }
}
