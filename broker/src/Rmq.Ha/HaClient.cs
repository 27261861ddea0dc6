using System.Buffers;
using System.Net.Sockets;
using Rmq.Store;
using Serilog;

namespace Rmq.Ha;

/// <summary>
/// Slave side of commit-log replication (RocketMQ <c>HAClient</c>): connects to the master's HA address, reports
/// its commit-log end, appends every frame at the identical offset and reconnects after a lost connection.
/// </summary>
/// <remarks>
/// The master address comes from <see cref="HaOptions.HaMasterAddress"/> or, when that is not set, from the name
/// server's REGISTER_BROKER answer (<see cref="UpdateMasterAddressFromRegistration"/>).
/// </remarks>
public sealed class HaClient : IAsyncDisposable
{
    /// <summary>Largest frame body accepted (a master's haTransferBatchSize is far below it; guards against garbage).</summary>
    private const int MaxBodySize = 64 * 1024 * 1024;
    private readonly MessageStore _store;
    private readonly HaOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly WakeSignal _addressChanged = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private string? _masterAddress;
    private Task? _loop;
    private volatile Connection? _current;
    private volatile HaReplicationProblem? _problem;
    private long _lastReportedOffset = -1;
    private long _lastReportAtTicks;
    private long _masterOffsetSeen = -1;
    private int _connectCount;
    private int _disposed;

    public HaClient(MessageStore store, HaOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<HaClient>();
        _time = timeProvider ?? TimeProvider.System;
        _masterAddress = options.HasFixedMasterAddress ? options.HaMasterAddress : null;
    }

    /// <summary>The master HA address in use (<c>host:port</c>); null until known.</summary>
    public string? MasterAddress => Volatile.Read(ref _masterAddress);

    public bool IsConnected => _current is not null;

    /// <summary>Test hook: runs before each frame body is appended (to make the slave slow or stall it).</summary>
    internal Func<long, int, CancellationToken, Task>? BeforeApplyAsync { get; set; }

    /// <summary>Starts the connect / replicate / reconnect loop (the store must be started).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (_loop is not null)
        {
            throw new InvalidOperationException("The HA client is already started.");
        }

        if (_store.Options.BrokerRole != BrokerRole.SLAVE)
        {
            _log.Warning("HA client started on a store with role {BrokerRole}; only a SLAVE store should receive replicated data", _store.Options.BrokerRole);
        }

        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sets the master HA address (<c>host:port</c>); a change closes the current connection and connects to the
    /// new address at once. Null or empty forgets the master (the slave stays disconnected).
    /// </summary>
    public void UpdateMasterAddress(string? address)
    {
        address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        var previous = Interlocked.Exchange(ref _masterAddress, address);
        if (previous == address)
        {
            return;
        }

        _log.Information("HA master address changed from {OldMaster} to {Master}", previous, address);
        _current?.Close();
        _addressChanged.Set();
    }

    /// <summary>
    /// Feeds the <c>haServerAddr</c> of a REGISTER_BROKER answer. Ignored (returns false) when
    /// <c>haMasterAddress</c> is configured or the answer carries none, as RocketMQ does.
    /// </summary>
    public bool UpdateMasterAddressFromRegistration(string? haServerAddr)
    {
        if (_options.HasFixedMasterAddress || string.IsNullOrWhiteSpace(haServerAddr))
        {
            return false;
        }

        UpdateMasterAddress(haServerAddr);
        return true;
    }

    public HaClientStatus GetStatus()
    {
        var max = _store.MaxPhyOffset;
        var seen = Interlocked.Read(ref _masterOffsetSeen);
        var lastReport = Interlocked.Read(ref _lastReportAtTicks);
        var connection = _current;
        return new HaClientStatus
        {
            MasterAddress = MasterAddress,
            Connected = connection is not null,
            SlaveMaxOffset = max,
            LastReportedOffset = Interlocked.Read(ref _lastReportedOffset),
            LastReportAt = lastReport == 0 ? null : new DateTimeOffset(lastReport, TimeSpan.Zero),
            MasterOffsetSeen = seen,
            BytesBehind = connection is { SawFrame: true } && seen >= 0 ? Math.Max(0, seen - max) : null,
            ConnectCount = Volatile.Read(ref _connectCount),
            Problem = _problem,
        };
    }

    /// <summary>Cuts the current connection (tests); the client reconnects.</summary>
    internal void DropConnection() => _current?.Close();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _current?.Close();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
        _writeLock.Dispose();
    }

    private static bool IsNetworkFault(Exception e)
        => e is IOException or SocketException or ObjectDisposedException or OperationCanceledException;

    private static bool TryParseAddress(string address, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), out port) || port is <= 0 or > 65535)
        {
            return false;
        }

        host = address[..colon].Trim('[', ']');
        return host.Length > 0;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var reconnect = TimeSpan.FromMilliseconds(_options.HaReconnectInterval);
        string? lastFailedAddress = null;
        while (!ct.IsCancellationRequested)
        {
            var address = MasterAddress;
            if (address is null)
            {
                await WaitAsync(reconnect, ct).ConfigureAwait(false);
                continue;
            }

            if (!TryParseAddress(address, out var host, out var port))
            {
                _log.Error("HA master address {Master} is not host:port; not connecting", address);
                await WaitAsync(reconnect, ct).ConfigureAwait(false);
                continue;
            }

            var socket = await TryConnectAsync(host, port, address, lastFailedAddress, ct).ConfigureAwait(false);
            if (socket is null)
            {
                lastFailedAddress = address;
                await WaitAsync(reconnect, ct).ConfigureAwait(false);
                continue;
            }

            lastFailedAddress = null;
            var ended = await ReplicateAsync(socket, address, ct).ConfigureAwait(false);
            if (ended == ConnectionEnd.Problem)
            {
                // The master cannot serve this slave; retrying at once would only repeat the same answer.
                await WaitAsync(reconnect, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sleeps until the interval passes, the address changes or the client stops.</summary>
    private async Task WaitAsync(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            await _addressChanged.WaitAsync(interval, _time, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task<Socket?> TryConnectAsync(string host, int port, string address, string? lastFailedAddress, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.HaConnectTimeout);
            await socket.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            if (!ct.IsCancellationRequested)
            {
                // A down master is retried every few seconds: the first failure per address is worth a warning.
                var level = address == lastFailedAddress ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Warning;
                _log.Write(level, "HA connection to master {Master} failed: {Reason}; retrying every {ReconnectMs} ms", address, e.Message, _options.HaReconnectInterval);
            }

            return null;
        }
    }

    private async Task<ConnectionEnd> ReplicateAsync(Socket socket, string address, CancellationToken ct)
    {
        var connection = new Connection(socket, _time, ct);
        _current = connection;
        Interlocked.Increment(ref _connectCount);
        _log.Information("HA connected to master {Master}; slave offset {SlaveOffset}", address, _store.MaxPhyOffset);
        var heartbeat = Task.Run(() => HeartbeatLoopAsync(connection, address), CancellationToken.None);
        var end = ConnectionEnd.Lost;
        try
        {
            if (MasterAddress != address)
            {
                return end;
            }

            await ReportAsync(connection, _store.MaxPhyOffset).ConfigureAwait(false);
            end = await ReadLoopAsync(connection, address).ConfigureAwait(false);
        }
        catch (Exception e) when (IsNetworkFault(e))
        {
            if (!ct.IsCancellationRequested)
            {
                _log.Warning("HA connection to master {Master} lost: {Reason}", address, e.Message);
            }
        }
        finally
        {
            _current = null;
            connection.Close();
            await heartbeat.ConfigureAwait(false);
            connection.Dispose();
        }

        _log.Information("HA disconnected from master {Master} at slave offset {SlaveOffset}", address, _store.MaxPhyOffset);
        return end;
    }

    private async Task<ConnectionEnd> ReadLoopAsync(Connection connection, string address)
    {
        var ct = connection.Token;
        var header = new byte[HaProtocol.HeaderSize];
        var body = ArrayPool<byte>.Shared.Rent(Math.Max(_options.HaTransferBatchSize, 1024));
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (!await ReadExactlyOrEndAsync(connection.Stream, header, ct).ConfigureAwait(false))
                {
                    _log.Warning("HA master {Master} closed the connection", address);
                    return ConnectionEnd.Lost;
                }

                var (phyOffset, bodySize) = HaProtocol.ReadHeader(header);
                if (bodySize is < 0 or > MaxBodySize || phyOffset < 0)
                {
                    _log.Error("HA master {Master} sent a malformed frame header (offset {MasterOffset}, body size {BodySize}); closing", address, phyOffset, bodySize);
                    return ConnectionEnd.Lost;
                }

                if (bodySize > body.Length)
                {
                    ArrayPool<byte>.Shared.Return(body);
                    body = ArrayPool<byte>.Shared.Rent(bodySize);
                }

                if (bodySize > 0 && !await ReadExactlyOrEndAsync(connection.Stream, body.AsMemory(0, bodySize), ct).ConfigureAwait(false))
                {
                    _log.Warning("HA master {Master} closed the connection inside a frame", address);
                    return ConnectionEnd.Lost;
                }

                connection.MarkRead();
                connection.SawFrame = true;
                RaiseMasterOffsetSeen(phyOffset + bodySize);
                var slaveOffset = _store.MaxPhyOffset;
                if (slaveOffset != 0 && phyOffset != slaveOffset)
                {
                    ReportMismatch(address, slaveOffset, phyOffset);
                    return ConnectionEnd.Problem;
                }

                if (bodySize > 0)
                {
                    if (BeforeApplyAsync is { } hook)
                    {
                        await hook(phyOffset, bodySize, ct).ConfigureAwait(false);
                    }

                    if (!_store.AppendRawData(phyOffset, body.AsSpan(0, bodySize)))
                    {
                        SetProblem(HaProblemKind.AppendRefused, address, _store.MaxPhyOffset, phyOffset,
                            $"The slave store refused {bodySize} replicated bytes at offset {phyOffset} (slave commit log ends at {_store.MaxPhyOffset}); the store is stopped, full or read-only.");
                        return ConnectionEnd.Problem;
                    }

                    await ReportAsync(connection, _store.MaxPhyOffset).ConfigureAwait(false);
                }

                _problem = null;
            }

            return ConnectionEnd.Lost;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private static async Task<bool> ReadExactlyOrEndAsync(NetworkStream stream, Memory<byte> buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[read..], ct).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    private void ReportMismatch(string address, long slaveOffset, long masterOffset)
    {
        var message = masterOffset > slaveOffset
            ? $"Master {address} offers commit-log offset {masterOffset} but this slave's commit log ends at {slaveOffset}: the master no longer has the {masterOffset - slaveOffset} bytes in between (its files were deleted) and this slave cannot catch up; {HaReplicationProblem.ReseedAdvice}."
            : $"Master {address} offers commit-log offset {masterOffset} but this slave's commit log ends at {slaveOffset}: this slave holds {slaveOffset - masterOffset} bytes the master does not have (the master's store was replaced, truncated or lost unflushed data); {HaReplicationProblem.ReseedAdvice}.";
        SetProblem(HaProblemKind.OffsetMismatch, address, slaveOffset, masterOffset, message);
    }

    private void SetProblem(HaProblemKind kind, string address, long slaveOffset, long masterOffset, string message)
    {
        var previous = _problem;
        var repeat = previous is not null && previous.Kind == kind && previous.SlaveOffset == slaveOffset && previous.MasterOffset == masterOffset;
        _problem = new HaReplicationProblem
        {
            Kind = kind,
            RemoteAddress = address,
            SlaveOffset = slaveOffset,
            MasterOffset = masterOffset,
            At = _time.GetUtcNow(),
            Message = message,
        };

        // Once per distinct fault at Error; the reconnects repeat it every few seconds at Debug.
        var level = repeat ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Error;
        _log.Write(level, "HA replication from master {Master} stopped ({Problem}): slave offset {SlaveOffset}, master offset {MasterOffset}. {Message}", address, kind, slaveOffset, masterOffset, message);
    }

    private void RaiseMasterOffsetSeen(long offset)
    {
        var seen = Interlocked.Read(ref _masterOffsetSeen);
        while (offset > seen)
        {
            var was = Interlocked.CompareExchange(ref _masterOffsetSeen, offset, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    private async Task ReportAsync(Connection connection, long offset)
    {
        var buffer = connection.ReportBuffer;
        await _writeLock.WaitAsync(connection.Token).ConfigureAwait(false);
        try
        {
            HaProtocol.WriteReport(buffer.Span, offset);
            await connection.Stream.WriteAsync(buffer, connection.Token).ConfigureAwait(false);
            connection.MarkWrite();
            Interlocked.Exchange(ref _lastReportedOffset, offset);
            Interlocked.Exchange(ref _lastReportAtTicks, _time.GetUtcNow().UtcTicks);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reports at least every haSendHeartbeatInterval; closes after haHousekeepingInterval without reading.</summary>
    private async Task HeartbeatLoopAsync(Connection connection, string address)
    {
        var heartbeat = TimeSpan.FromMilliseconds(_options.HaSendHeartbeatInterval);
        var housekeeping = TimeSpan.FromMilliseconds(_options.HaHousekeepingInterval);
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(Math.Min(_options.HaSendHeartbeatInterval, _options.HaHousekeepingInterval) / 4, 10, 1000));
        using var timer = new PeriodicTimer(tick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(connection.Token).ConfigureAwait(false))
            {
                var silent = _time.GetElapsedTime(connection.LastReadTimestamp);
                if (silent > housekeeping)
                {
                    _log.Warning("HA master {Master} sent nothing for {SilentMs} ms (haHousekeepingInterval {Housekeeping}); closing the connection", address, (long)silent.TotalMilliseconds, _options.HaHousekeepingInterval);
                    connection.Close();
                    return;
                }

                if (_time.GetElapsedTime(connection.LastWriteTimestamp) >= heartbeat)
                {
                    await ReportAsync(connection, _store.MaxPhyOffset).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (IsNetworkFault(e))
        {
            connection.Close();
        }
    }

    private enum ConnectionEnd
    {
        /// <summary>Network loss or the master closed: reconnect at once.</summary>
        Lost,

        /// <summary>The master cannot serve this slave (or the store refused data): reconnect after the interval.</summary>
        Problem,
    }

    /// <summary>One TCP connection to the master and its timestamps.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly TimeProvider _time;
        private readonly CancellationTokenSource _cts;
        private long _lastRead;
        private long _lastWrite;
        private int _closed;

        public Connection(Socket socket, TimeProvider time, CancellationToken stop)
        {
            _time = time;
            Stream = new NetworkStream(socket, ownsSocket: true);
            _cts = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Token = _cts.Token;
            _lastRead = time.GetTimestamp();
            _lastWrite = 0;
        }

        public NetworkStream Stream { get; }

        public CancellationToken Token { get; }

        public Memory<byte> ReportBuffer { get; } = new byte[HaProtocol.ReportSize];

        public bool SawFrame { get; set; }

        public long LastReadTimestamp => Interlocked.Read(ref _lastRead);

        public long LastWriteTimestamp => Interlocked.Read(ref _lastWrite);

        public void MarkRead() => Interlocked.Exchange(ref _lastRead, _time.GetTimestamp());

        public void MarkWrite() => Interlocked.Exchange(ref _lastWrite, _time.GetTimestamp());

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                _cts.Cancel();
                Stream.Dispose();
            }
        }

        public void Dispose()
        {
            Close();
            _cts.Dispose();
        }
    }
}
