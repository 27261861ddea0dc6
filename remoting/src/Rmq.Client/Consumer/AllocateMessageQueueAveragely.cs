using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>
/// AllocateMessageQueueAveragely.java: consecutive blocks of the sorted queues to the sorted client ids,
/// the first (queues mod clients) clients getting one more; a client not in the list gets nothing.
/// </summary>
public static class AllocateMessageQueueAveragely
{
    /// <param name="allQueues">Every queue of the topic, sorted.</param>
    /// <param name="allClientIds">Every client id of the group, sorted.</param>
    public static IReadOnlyList<MessageQueue> Allocate(string currentClientId, IReadOnlyList<MessageQueue> allQueues, IReadOnlyList<string> allClientIds)
    {
        ArgumentNullException.ThrowIfNull(allQueues);
        ArgumentNullException.ThrowIfNull(allClientIds);
        var index = allClientIds.ToList().IndexOf(currentClientId);
        if (index < 0 || allQueues.Count == 0)
        {
            return [];
        }

        var mod = allQueues.Count % allClientIds.Count;
        var averageSize = allQueues.Count <= allClientIds.Count
            ? 1
            : (mod > 0 && index < mod ? allQueues.Count / allClientIds.Count + 1 : allQueues.Count / allClientIds.Count);
        var startIndex = mod > 0 && index < mod ? index * averageSize : index * averageSize + mod;
        var range = Math.Min(averageSize, allQueues.Count - startIndex);
        var result = new List<MessageQueue>(Math.Max(0, range));
        for (var i = 0; i < range; i++)
        {
            result.Add(allQueues[(startIndex + i) % allQueues.Count]);
        }

        return result;
    }

    /// <summary>Sorts both lists as RebalanceImpl does, then allocates.</summary>
    public static IReadOnlyList<MessageQueue> AllocateSorted(string currentClientId, IEnumerable<MessageQueue> queues, IEnumerable<string> clientIds) =>
        Allocate(currentClientId, queues.Order().ToList(), clientIds.Order(StringComparer.Ordinal).ToList());
}
