using Rmq.Client.Messages;

namespace Rmq.Client.Consumer;

/// <summary>The decision for one pull result.</summary>
/// <param name="CorrectOffset">When nothing is in flight, the offset to store (correctTagsOffset), else null.</param>
public sealed record PullOutcome(PullAction Action, long NextOffset, IReadOnlyList<MessageExt> MessagesToConsume, long? CorrectOffset);
