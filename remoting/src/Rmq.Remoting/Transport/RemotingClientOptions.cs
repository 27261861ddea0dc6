namespace Rmq.Remoting.Transport;

/// <summary>Network settings of a <see cref="RemotingClient"/> (RocketMQ's NettyClientConfig).</summary>
public sealed record RemotingClientOptions
{
    /// <summary>How long to wait for a TCP connect (connectTimeoutMillis).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Event loop threads (clientWorkerThreads).</summary>
    public int WorkerThreads { get; init; } = 2;

    /// <summary>Close a connection idle this long (clientChannelMaxIdleTimeSeconds); 0 = never.</summary>
    public int ClientChannelMaxIdleTimeSeconds { get; init; } = 120;

    /// <summary>Socket send buffer (clientSocketSndBufSize); 0 = OS default.</summary>
    public int SocketSendBufferSize { get; init; }

    /// <summary>Socket receive buffer (clientSocketRcvBufSize); 0 = OS default.</summary>
    public int SocketReceiveBufferSize { get; init; }
}
