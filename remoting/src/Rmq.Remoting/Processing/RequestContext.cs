using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Processing;

/// <summary>What a processor knows about the request it is handling besides the command itself.</summary>
public sealed class RequestContext(IRemotingChannel channel, DateTimeOffset receivedAt)
{
    public IRemotingChannel Channel { get; } = channel;

    /// <summary>When the transport decoded the frame (for queue-wait accounting).</summary>
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>Writes a response later (after a processor returned null), matched to <paramref name="request"/>.</summary>
    public Task RespondAsync(RemotingCommand request, RemotingCommand response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (request.IsOneway)
        {
            return Task.CompletedTask;
        }

        response.AsResponseTo(request);
        return Channel.SendResponseAsync(response, cancellationToken);
    }
}
