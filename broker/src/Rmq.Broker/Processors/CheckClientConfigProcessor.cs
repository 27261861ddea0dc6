using Rmq.Broker.Protocol;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Processors;

/// <summary>CHECK_CLIENT_CONFIG (46): TAG subscriptions are fine; other expression types are refused (no property filter).</summary>
internal sealed class CheckClientConfigProcessor : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var body = JsonBody.Decode<CheckClientConfigBody>(request.Body.Span);
        var type = body.SubscriptionData?.ExpressionType;
        if (type is not null && type != SubscriptionData.ExpressionTypeTag)
        {
            return ValueTask.FromResult<RemotingCommand?>(
                BrokerResponses.Error(ResponseCode.SystemError, $"The broker does not support consumer to filter message by {type}"));
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success());
    }
}
