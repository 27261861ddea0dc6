using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// The per-queue offset questions: SEARCH_OFFSET_BY_TIMESTAMP (29), GET_MAX_OFFSET (30), GET_MIN_OFFSET (31)
/// and GET_EARLIEST_MSG_STORETIME (32).
/// </summary>
internal sealed class QueueOffsetProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var store = broker.Store;
        RemotingCommand response;
        switch (request.Code)
        {
            case RequestCode.SearchOffsetByTimestamp:
                var search = request.ReadHeader<SearchOffsetRequestHeader>();
                response = BrokerResponses.Success(new OffsetResponseHeader { Offset = store.GetOffsetInQueueByTime(search.Topic, search.QueueId, search.Timestamp) });
                break;
            case RequestCode.GetMaxOffset:
                var max = request.ReadHeader<TopicQueueRequestHeader>();
                response = BrokerResponses.Success(new OffsetResponseHeader { Offset = store.GetMaxOffsetInQueue(max.Topic, max.QueueId) });
                break;
            case RequestCode.GetMinOffset:
                var min = request.ReadHeader<TopicQueueRequestHeader>();
                response = BrokerResponses.Success(new OffsetResponseHeader { Offset = store.GetMinOffsetInQueue(min.Topic, min.QueueId) });
                break;
            default:
                var earliest = request.ReadHeader<TopicQueueRequestHeader>();
                response = BrokerResponses.Success(new EarliestMsgStoretimeResponseHeader { Timestamp = store.GetEarliestMessageTime(earliest.Topic, earliest.QueueId) });
                break;
        }

        return ValueTask.FromResult<RemotingCommand?>(response);
    }
}
