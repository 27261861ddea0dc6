using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// UPDATE_CONSUMER_OFFSET (15): stores the group's offset. ali-ons sends -1 for "0" and without the oneway
/// bit; -1 is stored as 0 and answered.
/// </summary>
internal sealed class UpdateConsumerOffsetProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<UpdateConsumerOffsetRequestHeader>();
        broker.Offsets.CommitOffset(header.ConsumerGroup, header.Topic, header.QueueId, Math.Max(0, header.CommitOffset));
        return ValueTask.FromResult<RemotingCommand?>(request.IsOneway ? null : BrokerResponses.Success());
    }
}
