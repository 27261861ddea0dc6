using Rmq.Broker.Metadata;
using Rmq.Broker.Protocol;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>GET_TOPIC_STATS_INFO (202) per-queue offsets, and GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305).</summary>
internal sealed class TopicStatsProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        => ValueTask.FromResult<RemotingCommand?>(request.Code == RequestCode.GetTopicStatsInfo ? TopicStats(request) : SystemTopics());

    private RemotingCommand TopicStats(RemotingCommand request)
    {
        var topic = request.ReadHeader<TopicRequestHeader>().Topic;
        var config = broker.Topics.Select(topic);
        if (config is null)
        {
            return BrokerResponses.Error(ResponseCode.TopicNotExist, $"topic[{topic}] not exist");
        }

        var store = broker.Store;
        var table = new TopicStatsTable();
        for (var queueId = 0; queueId < config.WriteQueueNums; queueId++)
        {
            var max = Math.Max(0, store.GetMaxOffsetInQueue(topic, queueId));
            var min = Math.Max(0, store.GetMinOffsetInQueue(topic, queueId));
            var last = max > 0 ? store.GetMessageStoreTimeStamp(topic, queueId, max - 1) : 0;
            table.OffsetTable[new MessageQueue(topic, broker.Options.Identity.BrokerName, queueId)] = new TopicOffset(min, max, Math.Max(0, last));
        }

        return BrokerResponses.Success(body: table.Encode());
    }

    private RemotingCommand SystemTopics()
    {
        var list = new TopicList { BrokerAddr = broker.State.BrokerAddress };
        foreach (var topic in TopicValidator.BuiltInSystemTopics.Append(broker.Options.Identity.ClusterName).Append(broker.Options.Identity.BrokerName))
        {
            if (broker.Topics.Select(topic) is not null)
            {
                list.Topics.Add(topic);
            }
        }

        return BrokerResponses.Success(body: list.Encode());
    }
}
