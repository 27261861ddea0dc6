using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>UNREGISTER_CLIENT (35): the connection leaves its producer and/or consumer group.</summary>
internal sealed class UnregisterClientProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<UnregisterClientRequestHeader>();
        if (!string.IsNullOrEmpty(header.ProducerGroup))
        {
            broker.Producers.UnregisterProducer(header.ProducerGroup, context.Channel);
        }

        if (!string.IsNullOrEmpty(header.ConsumerGroup))
        {
            var notify = broker.SubscriptionGroups.Select(header.ConsumerGroup)?.NotifyConsumerIdsChangedEnable ?? true;
            broker.Consumers.UnregisterConsumer(header.ConsumerGroup, context.Channel, notify && broker.Options.Messaging.NotifyConsumerIdsChangedEnable);
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success());
    }
}
