namespace Rmq.Remoting.Transport;

/// <summary>Network settings of a <see cref="RemotingServer"/> (RocketMQ's NettyServerConfig).</summary>
public sealed record RemotingServerOptions
{
    /// <summary>The address to bind; "0.0.0.0" for all IPv4 interfaces.</summary>
    public string ListenAddress { get; init; } = "0.0.0.0";

    /// <summary>The port to bind; 0 picks an ephemeral port (see the endpoint StartAsync returns).</summary>
    public int ListenPort { get; init; } = 8888;

    /// <summary>Event loop threads for connections (serverSelectorThreads); 0 = processor count.</summary>
    public int WorkerThreads { get; init; }

    /// <summary>Close a connection with no reads or writes for this long (serverChannelMaxIdleTimeSeconds); 0 = never.</summary>
    public int ServerChannelMaxIdleTimeSeconds { get; init; } = 120;

    /// <summary>Socket send buffer (serverSocketSndBufSize); 0 = OS default.</summary>
    public int SocketSendBufferSize { get; init; }

    /// <summary>Socket receive buffer (serverSocketRcvBufSize); 0 = OS default.</summary>
    public int SocketReceiveBufferSize { get; init; }

    /// <summary>Listen backlog (serverSocketBacklog).</summary>
    public int Backlog { get; init; } = 1024;
}
