using Rmq.Client.Broker;
using Rmq.Client.Messages;

namespace Rmq.Client.Consumer;

/// <summary>A pull consumer's answer: status, next offset, the queue's bounds and the messages (tag-filtered).</summary>
public sealed record PullConsumerResult(PullStatus PullStatus, long NextBeginOffset, long MinOffset, long MaxOffset, IReadOnlyList<MessageExt> Messages);
