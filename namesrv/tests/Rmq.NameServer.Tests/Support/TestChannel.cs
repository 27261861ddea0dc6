using System.Net;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;

namespace Rmq.NameServer.Tests.Support;

/// <summary>A connection that exists only in memory; records whether it was closed.</summary>
internal sealed class TestChannel(string remoteAddress) : IRemotingChannel
{
    private static int s_next;

    public string Id { get; } = "test-" + Interlocked.Increment(ref s_next);

    public string RemoteAddress { get; } = remoteAddress;

    public EndPoint? RemoteEndPoint => null;

    public bool IsActive => !IsClosed;

    public bool IsClosed { get; private set; }

    public event EventHandler? Closed;

    public Task<RemotingCommand> InvokeAsync(RemotingCommand request, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task SendOnewayAsync(RemotingCommand request, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendResponseAsync(RemotingCommand response, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task CloseAsync()
    {
        if (!IsClosed)
        {
            IsClosed = true;
            Closed?.Invoke(this, EventArgs.Empty);
        }

        return Task.CompletedTask;
    }
}
