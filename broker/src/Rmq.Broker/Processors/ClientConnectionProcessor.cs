using Rmq.Broker.Protocol;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// Who is connected: GET_CONSUMER_CONNECTION_LIST (203), GET_PRODUCER_CONNECTION_LIST (204) and
/// QUERY_TOPIC_CONSUME_BY_WHO (300).
/// </summary>
internal sealed class ClientConnectionProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var response = request.Code switch
        {
            RequestCode.GetConsumerConnectionList => ConsumerConnections(request),
            RequestCode.GetProducerConnectionList => ProducerConnections(request),
            _ => ConsumeByWho(request),
        };
        return ValueTask.FromResult<RemotingCommand?>(response);
    }

    private RemotingCommand ConsumerConnections(RemotingCommand request)
    {
        var group = request.ReadHeader<ConsumerGroupRequestHeader>().ConsumerGroup;
        var info = broker.Consumers.GetConsumerGroupInfo(group);
        if (info is null || info.IsEmpty)
        {
            return BrokerResponses.Error(ResponseCode.ConsumerNotOnline, $"the consumer group[{group}] not online");
        }

        var body = new ConsumerConnection
        {
            ConnectionSet = info.Channels.Select(c => new Connection(c.ClientId, c.Channel.RemoteAddress, c.Language, c.Version)).ToList(),
            ConsumeType = info.ConsumeType,
            MessageModel = info.MessageModel,
            ConsumeFromWhere = info.ConsumeFromWhere,
        };
        foreach (var (topic, data) in info.Subscriptions)
        {
            body.SubscriptionTable[topic] = data;
        }

        return BrokerResponses.Success(body: body.Encode());
    }

    private RemotingCommand ProducerConnections(RemotingCommand request)
    {
        var group = request.ReadHeader<ProducerGroupRequestHeader>().ProducerGroup;
        if (!broker.Producers.Groups.TryGetValue(group, out var clients) || clients.Count == 0)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, $"the producer group[{group}] not exist");
        }

        var body = new ProducerConnection { ConnectionSet = clients.Select(c => new Connection(c.ClientId, c.Channel.RemoteAddress, c.Language, c.Version)).ToList() };
        return BrokerResponses.Success(body: body.Encode());
    }

    private RemotingCommand ConsumeByWho(RemotingCommand request)
    {
        var topic = request.ReadHeader<TopicRequestHeader>().Topic;
        var groups = broker.Consumers.Groups.Where(g => g.FindSubscriptionData(topic) is not null).Select(g => g.GroupName)
            .Concat(broker.Offsets.WhichGroupByTopic(topic))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return BrokerResponses.Success(body: new GroupList(groups).Encode());
    }
}
