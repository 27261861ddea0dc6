using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using DotNetty.Buffers;
using DotNetty.Transport.Channels;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Transport;

/// <summary>
/// An <see cref="IRemotingChannel"/> over one DotNetty channel: encodes commands into pooled
/// buffers, keeps the table of requests waiting for a response (by opaque), and fails them all
/// when the connection closes.
/// </summary>
internal sealed class NettyRemotingChannel : IRemotingChannel
{
    private static long _nextId;

    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<RemotingCommand>> _pending = new();
    private readonly string? _fallbackAddress;
    private string? _remoteAddress;
    private int _closed;
    private long _lastActivity = Environment.TickCount64;
    private readonly ConcurrentQueue<PendingWrite> _outbound = new();
    private readonly Action _drainOutbound;
    private int _drainScheduled;

    public NettyRemotingChannel(IChannel channel, string? fallbackAddress = null)
    {
        _channel = channel;
        _fallbackAddress = fallbackAddress;
        _drainOutbound = DrainOutbound;
        Id = "channel-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
    }

    public event EventHandler? Closed;

    public string Id { get; }

    public string RemoteAddress =>
        _remoteAddress ??= AddressFormat.Format(_channel.RemoteAddress) ?? _fallbackAddress ?? "unknown";

    public EndPoint? RemoteEndPoint =>
        _channel.RemoteAddress is IPEndPoint ip ? AddressFormat.Normalize(ip) : _channel.RemoteAddress;

    public bool IsActive => Volatile.Read(ref _closed) == 0 && _channel.Active;

    /// <summary>Requests waiting for a response.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Time since the last read or write.</summary>
    public TimeSpan IdleTime => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastActivity));

    public void Touch() => Volatile.Write(ref _lastActivity, Environment.TickCount64);

    public async Task<RemotingCommand> InvokeAsync(RemotingCommand request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var opaque = OpaqueGenerator.Next();
        request.Opaque = opaque;
        request.Flag &= ~(RemotingCommand.ResponseFlag | RemotingCommand.OnewayFlag);
        var response = new TaskCompletionSource<RemotingCommand>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[opaque] = response;
        if (Volatile.Read(ref _closed) != 0)
        {
            _pending.TryRemove(opaque, out _);
            throw new RemotingConnectException($"the connection to {RemoteAddress} is closed");
        }

        try
        {
            await WriteAsync(request).ConfigureAwait(false);
        }
        catch
        {
            _pending.TryRemove(opaque, out _);
            throw;
        }

        var remaining = timeout - Stopwatch.GetElapsedTime(started);
        try
        {
            return await response.Task.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            _pending.TryRemove(opaque, out _);
            throw new RemotingTimeoutException(
                $"wait response on the channel <{RemoteAddress}> timeout, {timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}(ms), request code {request.Code} opaque {opaque}", e);
        }
        catch (OperationCanceledException)
        {
            _pending.TryRemove(opaque, out _);
            throw;
        }
    }

    public Task SendOnewayAsync(RemotingCommand request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Opaque = OpaqueGenerator.Next();
        request.Flag = (request.Flag & ~RemotingCommand.ResponseFlag) | RemotingCommand.OnewayFlag;
        return WriteAsync(request);
    }

    public Task SendResponseAsync(RemotingCommand response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Flag |= RemotingCommand.ResponseFlag;
        return WriteAsync(response);
    }

    public Task CloseAsync() => _channel.Open ? Detach(_channel.CloseAsync()) : Task.CompletedTask;

    public override string ToString() => $"{Id}({RemoteAddress})";

    /// <summary>Completes the request waiting for <paramref name="response"/>; false when none waits (it timed out).</summary>
    internal bool CompleteResponse(RemotingCommand response) =>
        _pending.TryRemove(response.Opaque, out var waiter) && waiter.TrySetResult(response);

    /// <summary>Marks the channel closed, fails every waiting request, raises <see cref="Closed"/> once.</summary>
    internal void OnClosed()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        foreach (var opaque in _pending.Keys)
        {
            if (_pending.TryRemove(opaque, out var waiter))
            {
                waiter.TrySetException(new RemotingConnectException(
                    $"the connection to {RemoteAddress} closed while request opaque {opaque} waited for its response"));
            }
        }

        Closed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>
    /// Encodes on the calling thread and queues the frame; the returned task completes (never on the event loop) once
    /// the frame was written to the socket.
    /// </summary>
    /// <remarks>
    /// Frames queued from any thread are written by one task on the event loop, with one flush (one send system call)
    /// for everything queued until that task runs, instead of a write-and-flush task per frame: under load a burst of
    /// responses (or requests) costs one wake-up and one send.
    /// </remarks>
    private Task WriteAsync(RemotingCommand command)
    {
        if (!_channel.Active)
        {
            return Task.FromException(new RemotingSendRequestException($"the connection to {RemoteAddress} is closed; request code {command.Code} not sent"));
        }

        // The header goes to the thread's scratch buffer first, so the pooled buffer is allocated at the frame's exact
        // size (a 256-byte guess plus the body made most sends grow and copy it).
        var header = RemotingCommandCodec.EncodeHeaderToScratch(command);
        var buffer = _channel.Allocator.HeapBuffer(RemotingCommandCodec.FrameLength(command, header.WrittenCount));
        try
        {
            RemotingCommandCodec.WriteFrame(command, header.WrittenSpan, new ByteBufferWriter(buffer));
        }
        catch
        {
            buffer.Release();
            throw;
        }
        finally
        {
            RemotingCommandCodec.ReleaseScratch(header);
        }

        Touch();
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _outbound.Enqueue(new PendingWrite(buffer, completion, command.Code));
        if (Interlocked.Exchange(ref _drainScheduled, 1) == 0)
        {
            try
            {
                _channel.EventLoop.Execute(_drainOutbound);
            }
            catch (Exception e)
            {
                // The event loop is shutting down: nothing will write what is queued.
                Volatile.Write(ref _drainScheduled, 0);
                FailOutbound(e);
            }
        }

        return completion.Task;
    }

    /// <summary>On the event loop: writes every queued frame, then flushes once.</summary>
    private void DrainOutbound()
    {
        // Cleared before taking (a full fence, so the first take cannot be ordered before it): a frame queued after this
        // point either is taken below or schedules the next drain.
        Interlocked.Exchange(ref _drainScheduled, 0);
        var wrote = false;
        while (_outbound.TryDequeue(out var write))
        {
            Link(_channel.WriteAsync(write.Buffer), write.Completion, write.Code);
            wrote = true;
        }

        if (wrote)
        {
            _channel.Flush();
        }
    }

    private void FailOutbound(Exception cause)
    {
        while (_outbound.TryDequeue(out var write))
        {
            write.Buffer.Release();
            write.Completion.TrySetException(new RemotingSendRequestException($"send request code {write.Code} to {RemoteAddress} failed: {cause.Message}", cause));
        }
    }

    private void Link(Task ioTask, TaskCompletionSource completion, int code)
    {
        if (ioTask.IsCompletedSuccessfully)
        {
            completion.TrySetResult();
            return;
        }

        ioTask.ContinueWith(
            static (t, state) =>
            {
                var (channel, c, code) = ((NettyRemotingChannel, TaskCompletionSource, int))state!;
                if (t.IsCompletedSuccessfully)
                {
                    c.TrySetResult();
                }
                else
                {
                    Exception cause = t.Exception?.GetBaseException() ?? new OperationCanceledException();
                    c.TrySetException(new RemotingSendRequestException($"send request code {code} to {channel.RemoteAddress} failed: {cause.Message}", cause));
                }
            },
            (this, completion, code),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private Task Detach(Task ioTask, int? code = null)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ioTask.ContinueWith(
            (t, state) =>
            {
                var c = (TaskCompletionSource)state!;
                if (t.IsCompletedSuccessfully)
                {
                    c.TrySetResult();
                }
                else
                {
                    Exception cause = t.Exception?.GetBaseException() ?? new OperationCanceledException();
                    c.TrySetException(code is null
                        ? cause
                        : new RemotingSendRequestException($"send request code {code} to {RemoteAddress} failed: {cause.Message}", cause));
                }
            },
            completion,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return completion.Task;
    }

    private readonly record struct PendingWrite(IByteBuffer Buffer, TaskCompletionSource Completion, int Code);
}
