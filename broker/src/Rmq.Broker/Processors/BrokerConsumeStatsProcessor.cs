using Rmq.Broker.Stats;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// GET_BROKER_CONSUME_STATS (317, mqadmin brokerConsumeStats): for every subscription group, its ConsumeStats per
/// topic it has offsets for (only order topics when <c>isOrder</c>), skipping topics an online group does not
/// subscribe to, and the broker's total lag.
/// </summary>
internal sealed class BrokerConsumeStatsProcessor(BrokerContext broker) : IRequestProcessor
{
    private readonly ConsumeStatsBuilder _builder = new(broker);

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<GetConsumeStatsInBrokerHeader>();
        var list = new ConsumeStatsList { BrokerAddr = broker.State.BrokerAddress };
        foreach (var group in broker.SubscriptionGroups.GroupNames)
        {
            var online = broker.Consumers.GetConsumerGroupInfo(group);
            var perTopic = new List<ConsumeStats>();
            foreach (var topic in broker.Offsets.WhichTopicByConsumer(group).Order(StringComparer.Ordinal))
            {
                var config = broker.Topics.Select(topic);
                if (config is null || (header.IsOrder && !config.Order)
                    || (online is { Subscriptions.Count: > 0 } && online.FindSubscriptionData(topic) is null))
                {
                    continue;
                }

                if (_builder.Build(group, topic) is { } stats)
                {
                    list.TotalDiff += stats.TotalDiff;
                    perTopic.Add(stats);
                }
            }

            list.ConsumeStatsListItems.Add(new(group, perTopic));
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: list.Encode()));
    }
}
