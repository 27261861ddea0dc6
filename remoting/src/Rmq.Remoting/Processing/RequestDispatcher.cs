using Rmq.Remoting.Protocol;
using Serilog;

namespace Rmq.Remoting.Processing;

/// <summary>
/// Routes an incoming request to its processor's executor and writes what comes back, with
/// RocketMQ's answers for the cases clients depend on: an unknown code gets
/// REQUEST_CODE_NOT_SUPPORTED, a rejecting processor or a full queue SYSTEM_BUSY, a processor
/// fault SYSTEM_ERROR. Oneway requests never get a response. Called on the transport's event loop;
/// it only looks up and enqueues, the processor always runs on its executor.
/// </summary>
public sealed class RequestDispatcher
{
    public const string RejectRequestRemark = "[REJECTREQUEST]system busy, start flow control for a while";
    public const string OverloadRemark = "[OVERLOAD]system busy, start flow control for a while";

    private readonly ProcessorTable _processors;
    private readonly ILogger _logger;

    public RequestDispatcher(ProcessorTable processors, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(processors);
        _processors = processors;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<RequestDispatcher>();
    }

    public ProcessorTable Processors => _processors;

    public static string NotSupportedRemark(int code) => $" request type {code} not supported";

    /// <summary>
    /// Dispatches <paramref name="request"/>. <paramref name="completed"/> runs exactly once, when the
    /// request no longer needs its buffers (after the processor's task completed, or at once when
    /// the request was answered without running a processor).
    /// </summary>
    public void Dispatch(IRemotingChannel channel, RemotingCommand request, DateTimeOffset receivedAt, Action? completed = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(request);
        var enqueued = false;
        try
        {
            if (!_processors.TryGet(request.Code, out var registration))
            {
                _logger.Warning("Request code {Code} from {RemoteAddress} is not supported", request.Code, channel.RemoteAddress);
                RespondEarly(channel, request, ResponseCode.RequestCodeNotSupported, NotSupportedRemark(request.Code));
                return;
            }

            if (registration.Processor.RejectRequest)
            {
                RespondEarly(channel, request, ResponseCode.SystemBusy, RejectRequestRemark);
                return;
            }

            var context = new RequestContext(channel, receivedAt);
            var executor = registration.Executor;
            enqueued = executor.TryEnqueue(() => RunAsync(registration.Processor, executor, context, request, completed));
            if (!enqueued)
            {
                _logger.Warning(
                    "Executor {Executor} is full ({QueueSize}/{Capacity}); request code {Code} from {RemoteAddress} answered SYSTEM_BUSY",
                    executor.Name, executor.QueueSize, executor.Capacity, request.Code, channel.RemoteAddress);
                RespondEarly(channel, request, ResponseCode.SystemBusy, OverloadRemark);
            }
        }
        finally
        {
            if (!enqueued)
            {
                completed?.Invoke();
            }
        }
    }

    private async Task RunAsync(IRequestProcessor processor, RequestExecutor executor, RequestContext context, RemotingCommand request, Action? completed)
    {
        try
        {
            RemotingCommand? response;
            try
            {
                response = await processor.ProcessAsync(context, request, executor.StoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (executor.StoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.Error(
                    e, "Processor {Processor} failed on request code {Code} opaque {Opaque} from {RemoteAddress}",
                    processor.GetType().Name, request.Code, request.Opaque, context.Channel.RemoteAddress);
                if (!request.IsOneway)
                {
                    await TrySendAsync(context.Channel, RemotingCommand.CreateResponse(ResponseCode.SystemError, Describe(e)).AsResponseTo(request)).ConfigureAwait(false);
                }

                return;
            }

            if (response is not null && !request.IsOneway)
            {
                response.AsResponseTo(request);
                await TrySendAsync(context.Channel, response).ConfigureAwait(false);
            }
        }
        finally
        {
            completed?.Invoke();
        }
    }

    /// <summary>The remark of a SYSTEM_ERROR answer: short, naming the exception.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is RemotingCommandException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
    }

    private void RespondEarly(IRemotingChannel channel, RemotingCommand request, int code, string remark)
    {
        if (request.IsOneway)
        {
            return;
        }

        _ = TrySendAsync(channel, RemotingCommand.CreateResponse(code, remark).AsResponseTo(request));
    }

    private async Task TrySendAsync(IRemotingChannel channel, RemotingCommand response)
    {
        try
        {
            await channel.SendResponseAsync(response).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The connection went away; the requester sees it closed. Nothing else to do.
            _logger.Debug(e, "Could not write response code {Code} opaque {Opaque} to {RemoteAddress}", response.Code, response.Opaque, channel.RemoteAddress);
        }
    }
}
