using Rmq.Client.Messages;

namespace Rmq.Client.Consumer;

/// <summary>
/// An orderly listener (MessageListenerOrderly.java): called with one queue's messages in queue-offset order,
/// never concurrently for the same queue, and (CLUSTERING) only while this client holds the queue's broker lock.
/// </summary>
public delegate Task<ConsumeOrderlyStatus> MessageListenerOrderly(IReadOnlyList<MessageExt> messages, ConsumeOrderlyContext context);
