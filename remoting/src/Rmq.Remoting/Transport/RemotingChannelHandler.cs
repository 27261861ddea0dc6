using DotNetty.Buffers;
using DotNetty.Codecs;
using DotNetty.Common.Concurrency;
using DotNetty.Transport.Channels;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Serilog;

namespace Rmq.Remoting.Transport;

/// <summary>
/// The last handler of the pipeline, one per connection: decodes each frame on the event loop,
/// completes waiting requests with responses, hands requests to the dispatcher (which runs the
/// processor on its executor), closes the connection on a framing or decoding error and after the
/// idle limit.
/// </summary>
internal sealed class RemotingChannelHandler : ChannelHandlerAdapter
{
    private readonly RequestDispatcher _dispatcher;
    private readonly ChannelEventQueue? _events;
    private readonly ILogger _logger;
    private readonly TimeSpan _idleTimeout;
    private IScheduledTask? _idleCheck;

    public RemotingChannelHandler(NettyRemotingChannel channel, RequestDispatcher dispatcher, ChannelEventQueue? events, ILogger logger, TimeSpan idleTimeout)
    {
        Channel = channel;
        _dispatcher = dispatcher;
        _events = events;
        _logger = logger;
        _idleTimeout = idleTimeout;
    }

    public NettyRemotingChannel Channel { get; }

    public override void ChannelActive(IChannelHandlerContext context)
    {
        Channel.Touch();
        _events?.Connected(Channel);
        if (_idleTimeout > TimeSpan.Zero)
        {
            ScheduleIdleCheck(context, _idleTimeout);
        }

        base.ChannelActive(context);
    }

    public override void ChannelInactive(IChannelHandlerContext context)
    {
        _idleCheck?.Cancel();
        Channel.OnClosed();
        _events?.Closed(Channel);
        base.ChannelInactive(context);
    }

    public override void ChannelRead(IChannelHandlerContext context, object message)
    {
        if (message is not IByteBuffer frame)
        {
            context.FireChannelRead(message);
            return;
        }

        Channel.Touch();
        IByteBuffer? retained = frame;
        try
        {
            ReadOnlyMemory<byte> bytes;
            if (frame.HasArray)
            {
                bytes = new ReadOnlyMemory<byte>(frame.Array, frame.ArrayOffset + frame.ReaderIndex, frame.ReadableBytes);
            }
            else
            {
                var copy = new byte[frame.ReadableBytes];
                frame.GetBytes(frame.ReaderIndex, copy);
                bytes = copy;
                frame.Release();
                retained = null;
            }

            RemotingCommand command;
            try
            {
                command = RemotingCommandCodec.Decode(bytes);
            }
            catch (Exception e)
            {
                // RemotingCommandException is the contract; anything else from the codec is a codec bug,
                // and the answer is the same: this connection's byte stream cannot be trusted.
                _logger.Warning(
                    "Closing connection from {RemoteAddress}: undecodable frame of {FrameLength} bytes: {Reason}",
                    Channel.RemoteAddress, bytes.Length, e.Message);
                _events?.Exception(Channel, e);
                context.CloseAsync();
                return;
            }

            if (command.IsResponse)
            {
                if (!command.Body.IsEmpty && retained is not null)
                {
                    command.Body = command.Body.ToArray();
                }

                if (!Channel.CompleteResponse(command))
                {
                    _logger.Debug("Response opaque {Opaque} code {Code} from {RemoteAddress} matches no waiting request (timed out?)", command.Opaque, command.Code, Channel.RemoteAddress);
                }

                return;
            }

            var lease = retained;
            retained = null;
            _dispatcher.Dispatch(Channel, command, DateTimeOffset.UtcNow, lease is null ? null : () => lease.Release());
        }
        finally
        {
            retained?.Release();
        }
    }

    public override void ExceptionCaught(IChannelHandlerContext context, Exception exception)
    {
        var cause = exception is DecoderException { InnerException: { } inner } ? inner : exception;
        if (cause is TooLongFrameException or CorruptedFrameException or DecoderException)
        {
            _logger.Warning("Closing connection from {RemoteAddress}: bad frame: {Reason}", Channel.RemoteAddress, cause.Message);
        }
        else
        {
            _logger.Information("Closing connection from {RemoteAddress} after a transport error: {Reason}", Channel.RemoteAddress, cause.Message);
        }

        _events?.Exception(Channel, cause);
        context.CloseAsync();
    }

    private void ScheduleIdleCheck(IChannelHandlerContext context, TimeSpan delay) =>
        _idleCheck = context.Executor.Schedule(() => CheckIdle(context), delay);

    private void CheckIdle(IChannelHandlerContext context)
    {
        if (!context.Channel.Active)
        {
            return;
        }

        var idle = Channel.IdleTime;
        if (idle >= _idleTimeout)
        {
            _logger.Information("Closing connection from {RemoteAddress}: idle for {IdleSeconds:F0} s", Channel.RemoteAddress, idle.TotalSeconds);
            _events?.Idle(Channel);
            context.CloseAsync();
            return;
        }

        ScheduleIdleCheck(context, _idleTimeout - idle);
    }
}
