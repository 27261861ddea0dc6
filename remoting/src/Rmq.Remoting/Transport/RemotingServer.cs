using System.Collections.Concurrent;
using System.Net;
using DotNetty.Codecs;
using DotNetty.Transport.Bootstrapping;
using DotNetty.Transport.Channels;
using DotNetty.Transport.Channels.Sockets;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Serilog;

namespace Rmq.Remoting.Transport;

/// <summary>
/// A TCP server for RocketMQ frames (RocketMQ's NettyRemotingServer). Requests are decoded on the
/// event loop and run by the <see cref="ProcessorTable"/>'s executors; a connection that sends a bad
/// frame is closed alone.
/// </summary>
public sealed class RemotingServer : IAsyncDisposable
{
    // Zero: DotNetty 0.7.6 re-queues a wake-up task during shutdown, so any non-zero quiet period never
    // elapses and every shutdown takes the full timeout. Connections are closed before the loops stop.
    private static readonly TimeSpan QuietPeriod = TimeSpan.Zero;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly RemotingServerOptions _options;
    private readonly RequestDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, NettyRemotingChannel> _channels = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private MultithreadEventLoopGroup? _bossGroup;
    private MultithreadEventLoopGroup? _workerGroup;
    private IChannel? _serverChannel;
    private ChannelEventQueue? _events;

    public RemotingServer(RemotingServerOptions options, ProcessorTable processors, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(processors);
        LeakDetection.Configure();
        _options = options;
        Processors = processors;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<RemotingServer>();
        _dispatcher = new RequestDispatcher(processors, logger);
    }

    public ProcessorTable Processors { get; }

    /// <summary>Notified of connects, closes, idle closes and errors; set before <see cref="StartAsync"/>.</summary>
    public IChannelEventListener? ChannelEventListener { get; set; }

    /// <summary>The bound endpoint while started.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>The open connections.</summary>
    public IReadOnlyCollection<IRemotingChannel> Channels => _channels.Values.ToArray();

    public async Task<IPEndPoint> StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_serverChannel is not null)
            {
                throw new InvalidOperationException("the server is already started");
            }

            var address = IPAddress.Parse(_options.ListenAddress);
            _bossGroup = new MultithreadEventLoopGroup(1);
            _workerGroup = new MultithreadEventLoopGroup(_options.WorkerThreads > 0 ? _options.WorkerThreads : Environment.ProcessorCount);
            _events = new ChannelEventQueue(() => ChannelEventListener, _logger);
            var idle = TimeSpan.FromSeconds(_options.ServerChannelMaxIdleTimeSeconds);
            var bootstrap = new ServerBootstrap()
                .Group(_bossGroup, _workerGroup)
                .Channel<TcpServerSocketChannel>()
                .Option(ChannelOption.SoBacklog, _options.Backlog)
                .Option(ChannelOption.SoReuseaddr, true)
                .ChildOption(ChannelOption.TcpNodelay, true)
                .ChildOption(ChannelOption.SoKeepalive, false)
                .ChildHandler(new ActionChannelInitializer<ISocketChannel>(channel =>
                {
                    var remoting = new NettyRemotingChannel(channel);
                    _channels[remoting.Id] = remoting;
                    remoting.Closed += (_, _) => _channels.TryRemove(remoting.Id, out NettyRemotingChannel? _);
                    channel.Pipeline.AddLast("framer", NewFrameDecoder());
                    channel.Pipeline.AddLast("remoting", new RemotingChannelHandler(remoting, _dispatcher, _events, _logger, idle));
                }));
            if (_options.SocketSendBufferSize > 0)
            {
                bootstrap.ChildOption(ChannelOption.SoSndbuf, _options.SocketSendBufferSize);
            }

            if (_options.SocketReceiveBufferSize > 0)
            {
                bootstrap.ChildOption(ChannelOption.SoRcvbuf, _options.SocketReceiveBufferSize);
            }

            try
            {
                _serverChannel = await bootstrap.BindAsync(address, _options.ListenPort).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await ShutdownGroupsAsync().ConfigureAwait(false);
                throw new RemotingException($"cannot listen on {_options.ListenAddress}:{_options.ListenPort}: {e.Message}", e);
            }

            LocalEndPoint = AddressFormat.Normalize((IPEndPoint)_serverChannel.LocalAddress);
            _logger.Information("Remoting server listening on {EndPoint}", LocalEndPoint);
            return LocalEndPoint;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops listening, closes every connection (their pending invokes fail) and stops the event loops.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_serverChannel is { } server)
            {
                _serverChannel = null;
                await server.CloseAsync().ConfigureAwait(false);
                try
                {
                    await Task.WhenAll(_channels.Values.Select(c => c.CloseAsync())).WaitAsync(ShutdownTimeout).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    _logger.Warning("Connections of the server on {EndPoint} did not close within {Timeout}; stopping the event loops anyway", LocalEndPoint, ShutdownTimeout);
                }
                _logger.Information("Remoting server on {EndPoint} stopped", LocalEndPoint);
                LocalEndPoint = null;
            }

            await ShutdownGroupsAsync().ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>4-byte big-endian length, stripped; a length above 16 MiB or below 0 fails the connection.</summary>
    internal static LengthFieldBasedFrameDecoder NewFrameDecoder() =>
        new(RemotingCommandCodec.MaxFrameLength + 4, 0, 4, 0, 4);

    private async Task ShutdownGroupsAsync()
    {
        var groups = new[] { _bossGroup, _workerGroup };
        _bossGroup = null;
        _workerGroup = null;
        // DotNetty 0.7.6 can spin forever in ConfirmShutdown (Azure/DotNetty#522): never wait past the timeout.
        await Task.WhenAll(groups.Where(g => g is not null).Select(g => EventLoopShutdown.WaitBoundedAsync(g!.ShutdownGracefullyAsync(QuietPeriod, ShutdownTimeout)))).ConfigureAwait(false);
        if (_events is { } events)
        {
            _events = null;
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }
}
