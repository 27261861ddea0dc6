using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>GET_CONSUMER_LIST_BY_GROUP (38): the client ids online in a group; SYSTEM_ERROR when none.</summary>
internal sealed class GetConsumerListByGroupProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<ConsumerGroupRequestHeader>();
        var ids = broker.Consumers.GetConsumerGroupInfo(header.ConsumerGroup)?.ClientIds();
        if (ids is null || ids.Count == 0)
        {
            return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Error(ResponseCode.SystemError, $"no consumer for this group, {header.ConsumerGroup}"));
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: new ConsumerIdList(ids).Encode()));
    }
}
