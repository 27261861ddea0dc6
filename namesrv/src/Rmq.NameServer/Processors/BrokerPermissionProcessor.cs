using Rmq.NameServer.Routing;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers;
using Serilog;

namespace Rmq.NameServer.Processors;

/// <summary>WIPE_WRITE_PERM_OF_BROKER (205) and ADD_WRITE_PERM_OF_BROKER (327).</summary>
public sealed class BrokerPermissionProcessor(RouteTable routes, ILogger? logger = null) : IRequestProcessor
{
    public static readonly int[] RequestCodes = [RequestCode.WipeWritePermOfBroker, RequestCode.AddWritePermOfBroker];

    private readonly ILogger _log = (logger ?? Serilog.Core.Logger.None).ForContext<BrokerPermissionProcessor>();

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Code)
        {
            case RequestCode.WipeWritePermOfBroker:
            {
                var header = request.ReadHeader<WipeWritePermOfBrokerRequestHeader>();
                var count = routes.WipeWritePermOfBroker(header.BrokerName);
                _log.Information("Wiped write permission of broker {BrokerName} on {TopicCount} topics, asked by {RemoteAddress}", header.BrokerName, count, context.Channel.RemoteAddress);
                return Responses.Success(request, new WipeWritePermOfBrokerResponseHeader(count)).AsResult();
            }

            case RequestCode.AddWritePermOfBroker:
            {
                var header = request.ReadHeader<AddWritePermOfBrokerRequestHeader>();
                var count = routes.AddWritePermOfBroker(header.BrokerName);
                _log.Information("Added write permission of broker {BrokerName} on {TopicCount} topics, asked by {RemoteAddress}", header.BrokerName, count, context.Channel.RemoteAddress);
                return Responses.Success(request, new AddWritePermOfBrokerResponseHeader(count)).AsResult();
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Code, "not a broker permission request code");
        }
    }
}
