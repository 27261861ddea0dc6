using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>The queue an orderly batch came from, and how long a suspension lasts (ConsumeOrderlyContext.java).</summary>
public sealed class ConsumeOrderlyContext(MessageQueue messageQueue)
{
    /// <summary>The queue whose messages the batch holds, in queue-offset order.</summary>
    public MessageQueue MessageQueue { get; } = messageQueue;

    /// <summary>
    /// The pause before a suspended batch is consumed again; null uses
    /// <see cref="PushConsumerOptions.SuspendCurrentQueueTime"/>.
    /// </summary>
    public TimeSpan? SuspendCurrentQueueTime { get; set; }
}
