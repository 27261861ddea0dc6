using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// CLONE_GROUP_OFFSET (314): copies a group's committed offsets to another group, for one topic or every topic the
/// source group has offsets for. Unless <c>offline</c>, a topic the source group's online consumers do not subscribe
/// to is skipped, as in Java. (Java 4.9 passes the request's topic, empty when cloning all, to cloneOffset and so
/// copies nothing in that case; rmq copies each topic it iterates.)
/// </summary>
internal sealed class CloneGroupOffsetProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<CloneGroupOffsetRequestHeader>();
        var topics = string.IsNullOrWhiteSpace(header.Topic) ? broker.Offsets.WhichTopicByConsumer(header.SrcGroup) : [header.Topic];
        var online = broker.Consumers.GetConsumerGroupInfo(header.SrcGroup);
        foreach (var topic in topics)
        {
            if (broker.Topics.Select(topic) is null)
            {
                broker.Logger.Warning("[cloneGroupOffset], topic config not exist, {Topic}", topic);
                continue;
            }

            if (!header.Offline && online is { Subscriptions.Count: > 0 } && online.FindSubscriptionData(topic) is null)
            {
                broker.Logger.Warning("[cloneGroupOffset], the consumer group[{Group}], topic[{Topic}] not exist", header.SrcGroup, topic);
                continue;
            }

            broker.Offsets.CloneOffset(header.SrcGroup, header.DestGroup, topic);
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success());
    }
}
