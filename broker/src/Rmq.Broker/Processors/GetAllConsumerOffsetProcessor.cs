using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Processors;

/// <summary>GET_ALL_CONSUMER_OFFSET (43): consumerOffset.json's content.</summary>
internal sealed class GetAllConsumerOffsetProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        => ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: broker.Offsets.Snapshot().Encode()));
}
