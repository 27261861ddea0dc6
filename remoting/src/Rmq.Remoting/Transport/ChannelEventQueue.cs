using System.Threading.Channels;
using Rmq.Remoting.Processing;
using Serilog;

namespace Rmq.Remoting.Transport;

/// <summary>
/// Delivers channel events to an <see cref="IChannelEventListener"/> one at a time, in order, off
/// the event loop (RocketMQ's NettyEventExecutor), so a listener that takes locks never stalls I/O.
/// </summary>
internal sealed class ChannelEventQueue : IAsyncDisposable
{
    private readonly Channel<(Action<IChannelEventListener> Event, IRemotingChannel Channel, string Kind)> _events =
        Channel.CreateUnbounded<(Action<IChannelEventListener>, IRemotingChannel, string)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<IChannelEventListener?> _listener;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public ChannelEventQueue(Func<IChannelEventListener?> listener, ILogger logger)
    {
        _listener = listener;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public void Connected(IRemotingChannel channel) => Post(channel, "connect", static (l, c, _) => l.OnChannelConnect(c));

    public void Closed(IRemotingChannel channel) => Post(channel, "close", static (l, c, _) => l.OnChannelClose(c));

    public void Idle(IRemotingChannel channel) => Post(channel, "idle", static (l, c, _) => l.OnChannelIdle(c));

    public void Exception(IRemotingChannel channel, Exception exception) =>
        Post(channel, "exception", (l, c, e) => l.OnChannelException(c, e!), exception);

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private void Post(IRemotingChannel channel, string kind, Action<IChannelEventListener, IRemotingChannel, Exception?> action, Exception? exception = null)
    {
        if (_listener() is null)
        {
            return;
        }

        _events.Writer.TryWrite((l => action(l, channel, exception), channel, kind));
    }

    private async Task RunAsync()
    {
        await foreach (var (action, channel, kind) in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_listener() is not { } listener)
            {
                continue;
            }

            try
            {
                action(listener);
            }
            catch (Exception e)
            {
                _logger.Error(e, "Channel event listener failed on {Event} of {RemoteAddress}", kind, channel.RemoteAddress);
            }
        }
    }
}
