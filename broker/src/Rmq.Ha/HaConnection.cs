using System.Buffers;
using System.Net.Sockets;
using Rmq.Store;
using Serilog;

namespace Rmq.Ha;

/// <summary>
/// Master side of one slave connection (RocketMQ <c>HAConnection</c>): a reader taking the slave's 8-byte reports,
/// a writer streaming commit-log frames from the offset the first report asks for, and a housekeeper closing the
/// connection when the slave has been silent for <c>haHousekeepingInterval</c>.
/// </summary>
internal sealed class HaConnection
{
    private static readonly TimeSpan GracefulCloseWait = TimeSpan.FromSeconds(2);
    private readonly HaService _owner;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly MessageStore _store;
    private readonly HaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource<long> _firstReport = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WakeSignal _dataSignal = new();
    private long _ackOffset = -1;
    private long _nextTransferOffset = -1;
    private long _lastReadTimestamp;
    private long _lastReportAtTicks;
    private volatile bool _replicating;
    private int _closed;

    public HaConnection(HaService owner, Socket socket, MessageStore store, HaOptions options, TimeProvider time, ILogger log)
    {
        _owner = owner;
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _store = store;
        _options = options;
        _time = time;
        RemoteAddress = socket.RemoteEndPoint?.ToString() ?? "?";
        _log = log.ForContext("Slave", RemoteAddress);
        ConnectedAt = time.GetUtcNow();
        _lastReadTimestamp = time.GetTimestamp();
    }

    public string RemoteAddress { get; }

    /// <summary>The remote IP without the (ephemeral) port: how one slave host is recognised across reconnects.</summary>
    public string RemoteHost => _socket.RemoteEndPoint is System.Net.IPEndPoint ep ? ep.Address.ToString() : RemoteAddress;

    public DateTimeOffset ConnectedAt { get; }

    public bool Replicating => _replicating;

    public long AckOffset => Interlocked.Read(ref _ackOffset);

    public void WakeUp() => _dataSignal.Set();

    public HaSlaveConnectionStatus GetStatus(long masterMaxOffset)
    {
        var ack = AckOffset;
        var lastReport = Interlocked.Read(ref _lastReportAtTicks);
        return new HaSlaveConnectionStatus
        {
            RemoteAddress = RemoteAddress,
            ConnectedAt = ConnectedAt,
            Replicating = _replicating,
            AckOffset = ack,
            NextTransferOffset = Interlocked.Read(ref _nextTransferOffset),
            LagBytes = ack >= 0 ? Math.Max(0, masterMaxOffset - ack) : 0,
            LastReportAt = lastReport == 0 ? null : new DateTimeOffset(lastReport, TimeSpan.Zero),
        };
    }

    /// <summary>Runs until the connection closes; never throws for network faults.</summary>
    public async Task RunAsync()
    {
        var ct = _cts.Token;
        var reader = Task.Run(() => ReadLoopAsync(ct), CancellationToken.None);
        var housekeeper = Task.Run(() => HousekeepingLoopAsync(ct), CancellationToken.None);
        try
        {
            await WriteLoopAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (IsNetworkFault(e))
        {
            _log.Debug(e, "HA connection to slave {Slave} write side ended", RemoteAddress);
        }
        finally
        {
            Close();
            await reader.ConfigureAwait(false);
            await housekeeper.ConfigureAwait(false);
            _cts.Dispose();
        }
    }

    /// <summary>Closes the connection (idempotent); pending reads and writes end.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        _replicating = false;
        _cts.Cancel();
        _stream.Dispose();
    }

    /// <summary>Closes with a TCP reset, as a crashed master would look to the slave (tests).</summary>
    public void Abort()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }

        Close();
    }

    private static bool IsNetworkFault(Exception e)
        => e is IOException or SocketException or ObjectDisposedException or OperationCanceledException;

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[1024];
        var filled = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var n = await _stream.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false);
                if (n == 0)
                {
                    _log.Information("HA slave {Slave} closed the connection", RemoteAddress);
                    break;
                }

                Interlocked.Exchange(ref _lastReadTimestamp, _time.GetTimestamp());
                filled += n;
                var complete = filled / HaProtocol.ReportSize * HaProtocol.ReportSize;
                if (complete == 0)
                {
                    continue;
                }

                // Only the last complete report matters: each one is the slave's whole commit-log end.
                var report = HaProtocol.ReadReport(buffer.AsSpan(complete - HaProtocol.ReportSize));
                buffer.AsSpan(complete, filled - complete).CopyTo(buffer);
                filled -= complete;
                OnReport(report);
            }
        }
        catch (Exception e) when (IsNetworkFault(e))
        {
            _log.Debug(e, "HA connection to slave {Slave} read side ended", RemoteAddress);
        }
        finally
        {
            Close();
        }
    }

    private void OnReport(long offset)
    {
        Interlocked.Exchange(ref _lastReportAtTicks, _time.GetUtcNow().UtcTicks);
        if (!_firstReport.Task.IsCompleted)
        {
            _firstReport.TrySetResult(offset);
            return;
        }

        if (_replicating)
        {
            Interlocked.Exchange(ref _ackOffset, offset);
            _owner.OnAck(offset);
        }
    }

    private async Task HousekeepingLoopAsync(CancellationToken ct)
    {
        var housekeeping = TimeSpan.FromMilliseconds(_options.HaHousekeepingInterval);
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(_options.HaHousekeepingInterval / 4, 10, 1000));
        using var timer = new PeriodicTimer(tick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                var silent = _time.GetElapsedTime(Interlocked.Read(ref _lastReadTimestamp));
                if (silent > housekeeping)
                {
                    _log.Warning("HA slave {Slave} sent nothing for {SilentMs} ms (haHousekeepingInterval {Housekeeping}); closing the connection", RemoteAddress, (long)silent.TotalMilliseconds, _options.HaHousekeepingInterval);
                    Close();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Connection closed.
        }
    }

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        long reported;
        try
        {
            reported = await _firstReport.Task.WaitAsync(TimeSpan.FromMilliseconds(_options.HaHousekeepingInterval), _time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log.Warning("HA slave {Slave} sent no offset report within {Housekeeping} ms; closing the connection", RemoteAddress, _options.HaHousekeepingInterval);
            return;
        }

        var header = new byte[HaProtocol.HeaderSize];
        if (!_owner.TryAcceptSlaveOffset(this, reported, out var next, out var offer))
        {
            await RejectAsync(header, offer, ct).ConfigureAwait(false);
            return;
        }

        Interlocked.Exchange(ref _nextTransferOffset, next);
        Interlocked.Exchange(ref _ackOffset, reported);
        _replicating = true;
        _owner.OnReplicating(reported);
        _log.Information("HA slave {Slave} reported offset {SlaveOffset}; streaming from {TransferFrom}", RemoteAddress, reported, next);

        var batch = Math.Max(1, _options.HaTransferBatchSize);
        var heartbeat = TimeSpan.FromMilliseconds(_options.HaSendHeartbeatInterval);
        var waitInterval = TimeSpan.FromMilliseconds(Math.Max(1, _options.HaTransferWaitInterval));
        var frame = ArrayPool<byte>.Shared.Rent(HaProtocol.HeaderSize + batch);
        try
        {
            var lastWrite = _time.GetTimestamp();
            while (!ct.IsCancellationRequested)
            {
                if (_owner.BeforeTransferAsync is { } hook)
                {
                    await hook(next, ct).ConfigureAwait(false);
                }

                var size = CopyNextBatch(next, frame, batch);
                if (size > 0)
                {
                    HaProtocol.WriteHeader(frame, next, size);
                    await _stream.WriteAsync(frame.AsMemory(0, HaProtocol.HeaderSize + size), ct).ConfigureAwait(false);
                    next += size;
                    Interlocked.Exchange(ref _nextTransferOffset, next);
                    lastWrite = _time.GetTimestamp();
                    continue;
                }

                if (next < _store.MinPhyOffset)
                {
                    // The files the slave needs next were deleted while streaming. A slave that holds nothing yet
                    // simply starts again where an empty slave would; any other slave has lost its offset.
                    var holdsNothing = AckOffset <= 0;
                    if (!_owner.TryAcceptSlaveOffset(this, holdsNothing ? 0 : next, out var restart, out offer))
                    {
                        await RejectAsync(header, offer, ct).ConfigureAwait(false);
                        return;
                    }

                    _log.Warning("Commit-log files below {MinOffset} were deleted before slave {Slave} (still empty) got them; continuing from {TransferFrom}", _store.MinPhyOffset, RemoteAddress, restart);
                    next = restart;
                    Interlocked.Exchange(ref _nextTransferOffset, next);
                    continue;
                }

                var idle = _time.GetElapsedTime(lastWrite);
                if (idle >= heartbeat)
                {
                    HaProtocol.WriteHeader(header, next, 0);
                    await _stream.WriteAsync(header, ct).ConfigureAwait(false);
                    lastWrite = _time.GetTimestamp();
                    continue;
                }

                var untilHeartbeat = heartbeat - idle;
                await _dataSignal.WaitAsync(untilHeartbeat < waitInterval ? untilHeartbeat : waitInterval, _time, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>Copies up to <paramref name="batch"/> bytes from <paramref name="offset"/> behind the header; 0 when none yet.</summary>
    private int CopyNextBatch(long offset, byte[] frame, int batch)
    {
        using var data = _store.GetCommitLogData(offset);
        if (data is null || data.Size <= 0)
        {
            return 0;
        }

        var size = Math.Min(data.Size, batch);
        data.Span[..size].CopyTo(frame.AsSpan(HaProtocol.HeaderSize));
        return size;
    }

    /// <summary>
    /// Tells a slave it cannot continue: a heartbeat header with the offset this master can offer, which the slave
    /// sees as an offset mismatch (its protocol has no error frame). Then waits briefly for the slave to close, so
    /// the header is not lost to a reset.
    /// </summary>
    private async Task RejectAsync(byte[] header, long offer, CancellationToken ct)
    {
        _replicating = false;
        HaProtocol.WriteHeader(header, offer, 0);
        await _stream.WriteAsync(header, ct).ConfigureAwait(false);
        _socket.Shutdown(SocketShutdown.Send);
        try
        {
            // The reader closes the connection (cancelling ct) when the slave hangs up.
            await Task.Delay(GracefulCloseWait, _time, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The slave closed.
        }
    }
}
