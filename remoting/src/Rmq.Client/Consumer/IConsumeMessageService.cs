using Rmq.Client.Messages;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>Runs the listener on pulled messages (ConsumeMessageService.java): concurrently or orderly.</summary>
internal interface IConsumeMessageService
{
    /// <summary>True for the orderly service: queues are locked on the broker, no span flow control.</summary>
    bool Orderly { get; }

    /// <summary>
    /// Hands pulled messages (already in <paramref name="processQueue"/>) to the listener;
    /// <paramref name="dispatchToConsume"/> is what <see cref="ProcessQueue.PutMessages"/> answered.
    /// </summary>
    void Submit(IReadOnlyList<MessageExt> messages, ProcessQueue processQueue, MessageQueue queue, bool dispatchToConsume);

    /// <summary>Waits for every consumption in flight (after the consumer's stopping token was cancelled).</summary>
    Task WhenStoppedAsync();
}
