using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Store;

namespace Rmq.Broker.LongPolling;

/// <summary>A suspended PULL_MESSAGE: held until a message arrives for its queue or its timeout elapses.</summary>
internal sealed class PullRequest(RequestContext context, RemotingCommand request, string topic, int queueId, long pullFromThisOffset, IMessageFilter filter)
{
    private int _completed;

    public RequestContext Context { get; } = context;

    public RemotingCommand Request { get; } = request;

    public string Topic { get; } = topic;

    public int QueueId { get; } = queueId;

    public long PullFromThisOffset { get; } = pullFromThisOffset;

    public IMessageFilter Filter { get; } = filter;

    public ITimer? Timer { get; set; }

    /// <summary>True exactly once: for whoever wakes the request first.</summary>
    public bool TryComplete()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        Timer?.Dispose();
        return true;
    }
}
