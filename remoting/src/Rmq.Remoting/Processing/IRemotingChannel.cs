using System.Net;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Processing;

/// <summary>
/// One connection as processors see it: who is on the other end, and a way to send it requests
/// (broker to client: NOTIFY_CONSUMER_IDS_CHANGED, CHECK_TRANSACTION_STATE, ...). No transport types.
/// </summary>
public interface IRemotingChannel
{
    /// <summary>A process-unique id of this connection.</summary>
    string Id { get; }

    /// <summary>The peer's address, "ip:port" as RocketMQ prints it.</summary>
    string RemoteAddress { get; }

    EndPoint? RemoteEndPoint { get; }

    bool IsActive { get; }

    /// <summary>Sends a request and waits for its response (matched by opaque).</summary>
    Task<RemotingCommand> InvokeAsync(RemotingCommand request, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Sends a request marked oneway; no response is expected.</summary>
    Task SendOnewayAsync(RemotingCommand request, CancellationToken cancellationToken = default);

    /// <summary>Writes a response frame (the caller has set its opaque and response flag).</summary>
    Task SendResponseAsync(RemotingCommand response, CancellationToken cancellationToken = default);

    /// <summary>Closes the connection.</summary>
    Task CloseAsync();

    /// <summary>Raised once when the connection has closed, for any reason.</summary>
    event EventHandler? Closed;
}
