using Rmq.Broker.Client;
using Rmq.Broker.Metadata;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Processors;

/// <summary>
/// HEART_BEAT (34): registers the connection's producer and consumer groups, creates <c>%RETRY%&lt;group&gt;</c>
/// and the subscription group; consumers of a group whose clients or subscriptions changed are notified.
/// </summary>
internal sealed class HeartbeatProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var heartbeat = JsonBody.Decode<HeartbeatData>(request.Body.Span);
        var now = broker.NowMillis;
        foreach (var consumer in heartbeat.ConsumerDataSet)
        {
            var groupConfig = broker.SubscriptionGroups.FindSubscriptionGroupConfig(consumer.GroupName);
            var notify = true;
            if (groupConfig is not null)
            {
                notify = groupConfig.NotifyConsumerIdsChangedEnable;
                broker.Topics.CreateTopicInSendMessageBackMethod(
                    TopicValidator.RetryTopic(consumer.GroupName), groupConfig.RetryQueueNums, PermName.ReadWrite, consumer.UnitMode ? 1 : 0);
            }

            var client = new ClientChannelInfo(context.Channel, heartbeat.ClientId, request.Language, request.Version, now);
            broker.Consumers.RegisterConsumer(consumer.GroupName, client, consumer, notify && broker.Options.Messaging.NotifyConsumerIdsChangedEnable);
        }

        foreach (var producer in heartbeat.ProducerDataSet)
        {
            broker.Producers.RegisterProducer(producer.GroupName, new ClientChannelInfo(context.Channel, heartbeat.ClientId, request.Language, request.Version, now));
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success());
    }
}
