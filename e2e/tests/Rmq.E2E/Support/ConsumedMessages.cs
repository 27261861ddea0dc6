using System.Collections.Concurrent;
using System.Text;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;

namespace Rmq.E2E.Support;

/// <summary>A push consumer's listener that records every body it was handed, with the broker name of its queue and when.</summary>
public sealed class ConsumedMessages
{
    private readonly TimeSpan _handlerDelay;

    public ConsumedMessages(TimeSpan? handlerDelay = null) => _handlerDelay = handlerDelay ?? TimeSpan.Zero;

    /// <summary>Body to (broker name of the queue, time of the first delivery).</summary>
    public ConcurrentDictionary<string, (string BrokerName, DateTime At)> Bodies { get; } = new(StringComparer.Ordinal);

    public int Count => Bodies.Count;

    public bool ContainsAll(IEnumerable<string> bodies) => bodies.All(Bodies.ContainsKey);

    public async Task<ConsumeConcurrentlyStatus> OnMessagesAsync(IReadOnlyList<MessageExt> messages, ConsumeContext context)
    {
        if (_handlerDelay > TimeSpan.Zero)
        {
            await Task.Delay(_handlerDelay * messages.Count);
        }

        foreach (var message in messages)
        {
            Bodies.TryAdd(Encoding.UTF8.GetString(message.Body), (context.MessageQueue.BrokerName, DateTime.UtcNow));
        }

        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }
}
