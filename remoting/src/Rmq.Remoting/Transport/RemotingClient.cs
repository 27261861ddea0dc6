using System.Collections.Concurrent;
using System.Net;
using DotNetty.Transport.Bootstrapping;
using DotNetty.Transport.Channels;
using DotNetty.Transport.Channels.Sockets;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Serilog;

namespace Rmq.Remoting.Transport;

/// <summary>
/// A RocketMQ remoting client (RocketMQ's NettyRemotingClient): one connection per "host:port",
/// made on demand and made again after it breaks; responses matched by opaque; requests the server
/// sends (NOTIFY_CONSUMER_IDS_CHANGED, CHECK_TRANSACTION_STATE, ...) answered by <see cref="Processors"/>
/// on the same connection.
/// </summary>
public sealed class RemotingClient : IAsyncDisposable
{
    // Zero: DotNetty 0.7.6 re-queues a wake-up task during shutdown, so any non-zero quiet period never
    // elapses and every shutdown takes the full timeout. Connections are closed before the loops stop.
    private static readonly TimeSpan QuietPeriod = TimeSpan.Zero;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly RemotingClientOptions _options;
    private readonly ILogger _logger;
    private readonly RequestDispatcher _dispatcher;
    private readonly MultithreadEventLoopGroup _group;
    private readonly ChannelEventQueue _events;
    private readonly ConcurrentDictionary<string, Lazy<Task<NettyRemotingChannel>>> _channels = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposing = new();
    private int _disposed;

    public RemotingClient(RemotingClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        LeakDetection.Configure();
        _options = options;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<RemotingClient>();
        _dispatcher = new RequestDispatcher(Processors, logger);
        _group = new MultithreadEventLoopGroup(Math.Max(1, options.WorkerThreads));
        _events = new ChannelEventQueue(() => ChannelEventListener, _logger);
    }

    /// <summary>Processors for requests the server sends to this client.</summary>
    public ProcessorTable Processors { get; } = new();

    public IChannelEventListener? ChannelEventListener { get; set; }

    /// <summary>
    /// Sends <paramref name="request"/> to <paramref name="address"/> ("host:port") and waits for its
    /// response. The timeout covers connecting and waiting.
    /// </summary>
    /// <exception cref="RemotingConnectException">No connection could be made, or it broke while waiting.</exception>
    /// <exception cref="RemotingSendRequestException">The request could not be written.</exception>
    /// <exception cref="RemotingTimeoutException">No response within <paramref name="timeout"/>.</exception>
    public async Task<RemotingCommand> InvokeAsync(string address, RemotingCommand request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = TimeProvider.System.GetTimestamp();
        var channel = await GetOrConnectAsync(address, cancellationToken).ConfigureAwait(false);
        var remaining = timeout - TimeProvider.System.GetElapsedTime(started);
        if (remaining <= TimeSpan.Zero)
        {
            throw new RemotingTimeoutException($"invoke to {address} timed out while connecting, {timeout.TotalMilliseconds}(ms)");
        }

        return await channel.InvokeAsync(request, remaining, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> marked oneway; completes when written.</summary>
    public async Task InvokeOnewayAsync(string address, RemotingCommand request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = await GetOrConnectAsync(address, cancellationToken).ConfigureAwait(false);
        await channel.SendOnewayAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection to <paramref name="address"/>, made if needed.</summary>
    public async Task<IRemotingChannel> GetChannelAsync(string address, CancellationToken cancellationToken = default) =>
        await GetOrConnectAsync(address, cancellationToken).ConfigureAwait(false);

    /// <summary>Closes the connection to <paramref name="address"/>, if any; its pending invokes fail.</summary>
    public async Task CloseChannelAsync(string address)
    {
        if (_channels.TryRemove(address, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
        {
            await entry.Value.Result.CloseAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        var closing = new List<Task>();
        foreach (var address in _channels.Keys)
        {
            closing.Add(CloseChannelAsync(address));
        }

        try
        {
            await Task.WhenAll(closing).WaitAsync(ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.Warning("Client connections did not close within {Timeout}; stopping the event loops anyway", ShutdownTimeout);
        }
        // DotNetty 0.7.6 can spin forever in ConfirmShutdown (Azure/DotNetty#522): never wait past the timeout.
        await EventLoopShutdown.WaitBoundedAsync(_group.ShutdownGracefullyAsync(QuietPeriod, ShutdownTimeout)).ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        _disposing.Dispose();
    }

    private async Task<NettyRemotingChannel> GetOrConnectAsync(string address, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (var attempt = 0; ; attempt++)
        {
            var entry = _channels.GetOrAdd(address, a => new Lazy<Task<NettyRemotingChannel>>(() => ConnectAsync(a)));
            NettyRemotingChannel channel;
            try
            {
                channel = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _channels.TryRemove(KeyValuePair.Create(address, entry));
                throw;
            }

            if (channel.IsActive)
            {
                return channel;
            }

            // Closed since it was made: forget it and connect again (once).
            _channels.TryRemove(KeyValuePair.Create(address, entry));
            if (attempt > 0)
            {
                throw new RemotingConnectException($"the connection to {address} closed right after it was made");
            }
        }
    }

    private async Task<NettyRemotingChannel> ConnectAsync(string address)
    {
        var endPoint = await AddressFormat.ResolveAsync(address, _disposing.Token).ConfigureAwait(false);
        var idle = TimeSpan.FromSeconds(_options.ClientChannelMaxIdleTimeSeconds);
        var bootstrap = new Bootstrap()
            .Group(_group)
            .Channel<TcpSocketChannel>()
            .Option(ChannelOption.TcpNodelay, true)
            .Option(ChannelOption.SoKeepalive, false)
            .Option(ChannelOption.ConnectTimeout, _options.ConnectTimeout)
            .Handler(new ActionChannelInitializer<ISocketChannel>(channel =>
            {
                var remoting = new NettyRemotingChannel(channel, address);
                channel.Pipeline.AddLast("framer", RemotingServer.NewFrameDecoder());
                channel.Pipeline.AddLast("remoting", new RemotingChannelHandler(remoting, _dispatcher, _events, _logger, idle));
            }));
        if (_options.SocketSendBufferSize > 0)
        {
            bootstrap.Option(ChannelOption.SoSndbuf, _options.SocketSendBufferSize);
        }

        if (_options.SocketReceiveBufferSize > 0)
        {
            bootstrap.Option(ChannelOption.SoRcvbuf, _options.SocketReceiveBufferSize);
        }

        var connecting = bootstrap.ConnectAsync(endPoint);
        IChannel connected;
        try
        {
            connected = await connecting.WaitAsync(_options.ConnectTimeout, _disposing.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A connect that completes after we gave up must not leak its socket.
            _ = connecting.ContinueWith(static t => t.Result.CloseAsync(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            var reason = e is TimeoutException ? $"timed out after {_options.ConnectTimeout.TotalMilliseconds}(ms)" : e.Message;
            _logger.Information("Connect to {Address} failed: {Reason}", address, reason);
            throw new RemotingConnectException($"connect to {address} failed: {reason}", e);
        }

        // A peer that accepts and closes at once (e.g. a proxy with nothing behind it) leaves a pipeline
        // without our handler by the time we look.
        var remoting = connected.Pipeline.Get<RemotingChannelHandler>()?.Channel;
        if (remoting is null || !connected.Active)
        {
            _ = connected.CloseAsync();
            throw new RemotingConnectException($"connect to {address} failed: the connection closed right after it opened");
        }

        remoting.Closed += (_, _) => ForgetClosed(address, remoting);
        _logger.Debug("Connected to {Address} ({Channel})", address, remoting.Id);
        return remoting;
    }

    private void ForgetClosed(string address, NettyRemotingChannel closed)
    {
        if (_channels.TryGetValue(address, out var entry) && entry.IsValueCreated &&
            entry.Value.IsCompletedSuccessfully && ReferenceEquals(entry.Value.Result, closed))
        {
            _channels.TryRemove(KeyValuePair.Create(address, entry));
        }
    }
}
