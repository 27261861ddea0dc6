using System.Collections.Concurrent;
using System.Net;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Tests.Processing;

/// <summary>An in-memory channel that records the responses written to it.</summary>
internal sealed class RecordingChannel : IRemotingChannel
{
    public event EventHandler? Closed;

    public ConcurrentQueue<RemotingCommand> Responses { get; } = new();

    public string Id => "recording";

    public string RemoteAddress => "10.0.0.1:12345";

    public EndPoint? RemoteEndPoint => IPEndPoint.Parse(RemoteAddress);

    public bool IsActive => true;

    public Task<RemotingCommand> InvokeAsync(RemotingCommand request, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task SendOnewayAsync(RemotingCommand request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task SendResponseAsync(RemotingCommand response, CancellationToken cancellationToken = default)
    {
        Responses.Enqueue(response);
        return Task.CompletedTask;
    }

    public Task CloseAsync()
    {
        Closed?.Invoke(this, EventArgs.Empty);
        return Task.CompletedTask;
    }
}
