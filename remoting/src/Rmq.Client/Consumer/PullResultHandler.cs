using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;



/// <summary>The pull callback of DefaultMQPushConsumerImpl as a pure function of the result.</summary>
public static class PullResultHandler
{
    public static PullOutcome Handle(PullResult result, MessageQueue queue, SubscriptionData? subscription, int messagesInFlight)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(queue);
        switch (result.PullStatus)
        {
            case PullStatus.FOUND:
                var messages = TagFilter.Filter(result.DecodeMessages(queue.BrokerName), subscription);
                return new PullOutcome(PullAction.PullNow, result.NextBeginOffset, messages, null);
            case PullStatus.NO_NEW_MSG:
            case PullStatus.NO_MATCHED_MSG:
                return new PullOutcome(PullAction.PullNow, result.NextBeginOffset, [], messagesInFlight == 0 ? result.NextBeginOffset : null);
            default:
                return new PullOutcome(PullAction.DropQueue, result.NextBeginOffset, [], null);
        }
    }
}
