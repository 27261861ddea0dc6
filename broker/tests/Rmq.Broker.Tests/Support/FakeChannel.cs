using System.Net;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;

namespace Rmq.Broker.Tests.Support;

/// <summary>A channel that records what it was asked to do; no socket.</summary>
public sealed class FakeChannel(string id) : IRemotingChannel
{
    public string Id { get; } = id;

    public string RemoteAddress => "10.0.0.9:5000";

    public EndPoint? RemoteEndPoint => IPEndPoint.Parse(RemoteAddress);

    public bool IsActive => !Closed;

    public bool Closed { get; private set; }

    public List<RemotingCommand> Oneways { get; } = [];

    event EventHandler? IRemotingChannel.Closed
    {
        add { }
        remove { }
    }

    public Task<RemotingCommand> InvokeAsync(RemotingCommand request, TimeSpan timeout, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public Task SendOnewayAsync(RemotingCommand request, CancellationToken cancellationToken = default)
    {
        lock (Oneways)
        {
            Oneways.Add(request);
        }

        return Task.CompletedTask;
    }

    public Task SendResponseAsync(RemotingCommand response, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task CloseAsync()
    {
        Closed = true;
        return Task.CompletedTask;
    }
}
