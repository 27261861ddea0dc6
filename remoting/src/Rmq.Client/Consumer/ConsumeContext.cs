using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>The queue a batch came from, and how a failure is retried (ConsumeConcurrentlyContext).</summary>
public sealed class ConsumeContext(MessageQueue messageQueue)
{
    public MessageQueue MessageQueue { get; } = messageQueue;

    /// <summary>0 = the broker decides (3 + reconsume times); -1 = straight to the DLQ; &gt;0 = that level.</summary>
    public int DelayLevelWhenNextConsume { get; set; }

    /// <summary>Index of the last message consumed when the status is CONSUME_SUCCESS (default: all of them).</summary>
    public int AckIndex { get; set; } = int.MaxValue;
}
