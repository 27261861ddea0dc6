using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Processors;

/// <summary>GET_ALL_PRODUCER_INFO (328): every online producer of every group (client id, address, language, version, last heartbeat).</summary>
internal sealed class GetAllProducerInfoProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var table = new ProducerTableInfo();
        foreach (var (group, clients) in broker.Producers.Groups)
        {
            table.Data[group] = clients
                .Select(c => new ProducerInfo(c.ClientId, c.Channel.RemoteAddress, c.Language, c.Version, c.LastUpdateTimestamp))
                .ToList();
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: table.Encode()));
    }
}
