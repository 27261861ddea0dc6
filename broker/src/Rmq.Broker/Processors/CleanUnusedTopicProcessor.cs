using Rmq.Broker.Metadata;
using Rmq.Broker.Transaction;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Store;

namespace Rmq.Broker.Processors;

/// <summary>
/// CLEAN_UNUSED_TOPIC (316): destroys the consume queues of topics the store still has but the topic table no longer
/// lists (left behind by a deleted topic), except the schedule and transaction system queues, and drops their stats.
/// </summary>
internal sealed class CleanUnusedTopicProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var unused = broker.Store.ConsumeQueueTopics
            .Where(topic => broker.Topics.Select(topic) is null
                && topic is not (MessageProperties.ScheduleTopic or TransactionalMessages.HalfTopic or TransactionalMessages.OpHalfTopic))
            .ToList();
        broker.Store.DeleteTopics(unused);
        foreach (var topic in unused)
        {
            broker.BrokerStats.OnTopicDeleted(topic);
            broker.Logger.Information("cleanUnusedTopic: {Topic}, topic destroyed", topic);
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success());
    }
}
