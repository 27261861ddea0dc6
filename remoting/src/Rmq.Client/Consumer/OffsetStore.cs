using System.Collections.Concurrent;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>
/// Consumer offsets kept in memory and persisted to the broker (RemoteBrokerOffsetStore.java): updated
/// as batches finish (only forward unless told otherwise), persisted for the assigned queues every
/// 5 s, on queue removal and on shutdown; queues no longer assigned are forgotten.
/// </summary>
public sealed class OffsetStore
{
    private readonly ConcurrentDictionary<MessageQueue, long> _offsets = new();

    public void UpdateOffset(MessageQueue queue, long offset, bool increaseOnly)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _offsets.AddOrUpdate(queue, offset, (_, current) => increaseOnly && offset < current ? current : offset);
    }

    /// <summary>The in-memory offset, or -1.</summary>
    public long ReadOffset(MessageQueue queue) => _offsets.TryGetValue(queue, out var offset) ? offset : -1;

    public void RemoveOffset(MessageQueue queue) => _offsets.TryRemove(queue, out _);

    public IReadOnlyDictionary<MessageQueue, long> Snapshot() => new Dictionary<MessageQueue, long>(_offsets);

    /// <summary>
    /// persistAll's decision: the (queue, offset) pairs to send for the assigned queues, and the queues
    /// to forget because they are no longer assigned.
    /// </summary>
    public (IReadOnlyList<KeyValuePair<MessageQueue, long>> ToPersist, IReadOnlyList<MessageQueue> Unused) PlanPersist(IReadOnlySet<MessageQueue> assigned)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        var persist = new List<KeyValuePair<MessageQueue, long>>();
        var unused = new List<MessageQueue>();
        foreach (var entry in _offsets)
        {
            if (assigned.Contains(entry.Key))
            {
                persist.Add(entry);
            }
            else
            {
                unused.Add(entry.Key);
            }
        }

        return (persist, unused);
    }
}
