using Rmq.Client.Messages;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>The client-side re-check of tags (PullAPIWrapper.processPullResult): the broker filters by tag hash only.</summary>
public static class TagFilter
{
    public static List<MessageExt> Filter(IReadOnlyList<MessageExt> messages, SubscriptionData? subscription)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (subscription is null || subscription.ClassFilterMode || subscription.TagsSet.Count == 0
            || subscription.TagsSet.Contains(SubscriptionData.SubAll) || subscription.ExpressionType != SubscriptionData.ExpressionTypeTag)
        {
            return messages.ToList();
        }

        return messages.Where(m => m.Tags is { } tags && subscription.TagsSet.Contains(tags)).ToList();
    }
}
