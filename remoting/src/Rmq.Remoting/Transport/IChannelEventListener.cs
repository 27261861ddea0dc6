using Rmq.Remoting.Processing;

namespace Rmq.Remoting.Transport;

/// <summary>
/// Connection lifecycle notifications (the name server drops a broker whose channel closed; the
/// broker drops a client's producers and consumers). Called one at a time, in order, off the
/// event loop; an exception thrown here is logged and ignored.
/// </summary>
public interface IChannelEventListener
{
    void OnChannelConnect(IRemotingChannel channel)
    {
    }

    void OnChannelClose(IRemotingChannel channel)
    {
    }

    /// <summary>The channel was idle past the limit; it is being closed (OnChannelClose follows).</summary>
    void OnChannelIdle(IRemotingChannel channel)
    {
    }

    /// <summary>A transport or framing error; the channel is being closed (OnChannelClose follows).</summary>
    void OnChannelException(IRemotingChannel channel, Exception exception)
    {
    }
}
