using System.Collections.Concurrent;
using System.Text;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.E2E.Support;

/// <summary>
/// A push consumer's listener that records every body it consumed with the broker name of its queue. Gated, it holds
/// every delivery until <see cref="OpenGate"/>: the consumer has its queues and offsets but has consumed nothing, and
/// flow control stops its pulls after a few messages per queue; what it consumes beyond those it pulled after the gate opened.
/// </summary>
public sealed class ConsumedMessages(bool gated = false)
{
    private readonly TaskCompletionSource _gate = NewGate(gated);

    /// <summary>Body to the broker name of its queue.</summary>
    public ConcurrentDictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

    /// <summary>The queues that delivered at least one message (at the gate or past it).</summary>
    public ConcurrentDictionary<MessageQueue, bool> DeliveringQueues { get; } = new();

    public bool ContainsAll(IEnumerable<string> bodies) => bodies.All(Bodies.ContainsKey);

    public void OpenGate() => _gate.TrySetResult();

    public async Task<ConsumeConcurrentlyStatus> OnMessagesAsync(IReadOnlyList<MessageExt> messages, ConsumeContext context)
    {
        DeliveringQueues.TryAdd(context.MessageQueue, true);
        await _gate.Task;
        foreach (var message in messages)
        {
            Bodies.TryAdd(Encoding.UTF8.GetString(message.Body), context.MessageQueue.BrokerName);
        }

        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    private static TaskCompletionSource NewGate(bool gated)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!gated)
        {
            gate.SetResult();
        }

        return gate;
    }
}
