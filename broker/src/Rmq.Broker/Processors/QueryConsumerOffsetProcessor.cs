using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// QUERY_CONSUMER_OFFSET (14): the committed offset; for a group that never committed, 0 when the queue still
/// starts at 0 and its first message is in memory (or the queue is empty), else QUERY_NOT_FOUND (22).
/// </summary>
internal sealed class QueryConsumerOffsetProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<QueryConsumerOffsetRequestHeader>();
        var offset = broker.Offsets.QueryOffset(header.ConsumerGroup, header.Topic, header.QueueId);
        if (offset >= 0)
        {
            return Answer(BrokerResponses.Success(new OffsetResponseHeader { Offset = offset }));
        }

        var minOffset = broker.Store.GetMinOffsetInQueue(header.Topic, header.QueueId);
        if (minOffset <= 0 && !FirstMessageOnDisk(header.Topic, header.QueueId))
        {
            return Answer(BrokerResponses.Success(new OffsetResponseHeader { Offset = 0 }));
        }

        return Answer(BrokerResponses.Error(ResponseCode.QueryNotFound, "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first"));
    }

    /// <summary>RocketMQ checkInDiskByConsumeOffset(0): the first message lies further back than the in-memory share of RAM.</summary>
    private bool FirstMessageOnDisk(string topic, int queueId)
    {
        var phy = broker.Store.GetCommitLogOffsetInQueue(topic, queueId, 0);
        if (phy < 0)
        {
            return false;
        }

        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * broker.Options.Store.AccessMessageInMemoryMaxRatio / 100;
        return broker.Store.MaxPhyOffset - phy > memory;
    }

    private static ValueTask<RemotingCommand?> Answer(RemotingCommand response) => ValueTask.FromResult<RemotingCommand?>(response);
}
