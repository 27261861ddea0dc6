using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// QUERY_CONSUME_TIME_SPAN (303): per queue of a topic the store times of its first and last message, of the group's
/// last consumed message, and how long the next unconsumed message has waited.
/// </summary>
internal sealed class QueryConsumeTimeSpanProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<QueryConsumeTimeSpanRequestHeader>();
        var config = broker.Topics.Select(header.Topic);
        if (config is null)
        {
            return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Error(ResponseCode.TopicNotExist, $"topic[{header.Topic}] not exist"));
        }

        var store = broker.Store;
        var body = new QueryConsumeTimeSpanBody();
        for (var queueId = 0; queueId < config.WriteQueueNums; queueId++)
        {
            var minTime = store.GetEarliestMessageTime(header.Topic, queueId);
            var max = store.GetMaxOffsetInQueue(header.Topic, queueId);
            var maxTime = store.GetMessageStoreTimeStamp(header.Topic, queueId, max - 1);
            var consumerOffset = broker.Offsets.QueryOffset(header.Group, header.Topic, queueId);
            var consumeTime = consumerOffset > 0 ? store.GetMessageStoreTimeStamp(header.Topic, queueId, consumerOffset - 1) : minTime;
            var delay = consumerOffset < max ? broker.NowMillis - store.GetMessageStoreTimeStamp(header.Topic, queueId, consumerOffset) : 0;
            body.ConsumeTimeSpanSet.Add(new QueueTimeSpan(new MessageQueue(header.Topic, broker.Options.Identity.BrokerName, queueId), minTime, maxTime, consumeTime, delay));
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: body.Encode()));
    }
}
