using System.Net;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Transport;
using Serilog;

namespace Rmq.NameServer;

/// <summary>
/// A running name server: the <see cref="NameServerController"/> behind a TCP remoting server, its
/// processors on one bounded executor, and channel-close events forwarded so a broker whose
/// connection dies leaves the routes at once.
/// </summary>
public sealed class NameServerHost : IAsyncDisposable, IChannelEventListener
{
    /// <summary>serverWorkerThreads' default in RocketMQ's netty config.</summary>
    public const int DefaultWorkerThreads = 8;

    private const int ExecutorQueueCapacity = 10_000;

    private readonly RequestExecutor _executor;
    private readonly RemotingServer _server;
    private readonly ILogger _log;

    public NameServerHost(NameServerOptions options, string listenAddress = "0.0.0.0", ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = logger ?? Serilog.Core.Logger.None;
        _log = log.ForContext<NameServerHost>();
        Controller = new NameServerController(options, timeProvider, log);
        var table = new ProcessorTable();
        _executor = new RequestExecutor("NameServerExecutor", DefaultWorkerThreads, ExecutorQueueCapacity, log, timeProvider);
        Controller.Processors.RegisterTo((code, processor) => table.Register(code, processor, _executor));
        table.SetDefault(Controller.Processors.Default, _executor);
        _server = new RemotingServer(
            new RemotingServerOptions { ListenAddress = listenAddress, ListenPort = options.ListenPort },
            table,
            log)
        {
            ChannelEventListener = this,
        };
    }

    public NameServerController Controller { get; }

    /// <summary>The bound address once started (port 0 in the options picks a free port).</summary>
    public IPEndPoint? LocalEndPoint => _server.LocalEndPoint;

    public async Task<IPEndPoint> StartAsync(CancellationToken cancellationToken = default)
    {
        Controller.Start();
        var endPoint = await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        _log.Information("The Name Server boot success, listening on {EndPoint}", endPoint);
        return endPoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        await Controller.DisposeAsync().ConfigureAwait(false);
        await _executor.DisposeAsync().ConfigureAwait(false);
        _log.Information("The Name Server stopped");
    }

    void IChannelEventListener.OnChannelClose(IRemotingChannel channel) => Controller.OnChannelClosed(channel);
}
