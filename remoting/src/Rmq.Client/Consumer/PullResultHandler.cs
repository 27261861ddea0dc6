using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>What to do after a pull.</summary>
public enum PullAction
{
    /// <summary>Pull again at once from <see cref="PullOutcome.NextOffset"/>.</summary>
    PullNow,

    /// <summary>The offset was illegal: store <see cref="PullOutcome.NextOffset"/>, persist it and drop the queue (rebalance re-adds it).</summary>
    DropQueue,
}

/// <summary>The decision for one pull result.</summary>
/// <param name="CorrectOffset">When nothing is in flight, the offset to store (correctTagsOffset), else null.</param>
public sealed record PullOutcome(PullAction Action, long NextOffset, IReadOnlyList<MessageExt> MessagesToConsume, long? CorrectOffset);

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
