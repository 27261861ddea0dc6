using System.Collections.Concurrent;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Transport;

namespace Rmq.Remoting.Tests.Transport;

internal sealed class RecordingListener : IChannelEventListener
{
    public ConcurrentQueue<(string Event, IRemotingChannel Channel)> Events { get; } = new();

    public void OnChannelConnect(IRemotingChannel channel) => Events.Enqueue(("connect", channel));

    public void OnChannelClose(IRemotingChannel channel) => Events.Enqueue(("close", channel));

    public void OnChannelIdle(IRemotingChannel channel) => Events.Enqueue(("idle", channel));

    public void OnChannelException(IRemotingChannel channel, Exception exception) => Events.Enqueue(("exception", channel));

    public bool Has(string name) => Events.Any(e => e.Event == name);
}
