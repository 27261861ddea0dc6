namespace Rmq.Store;

/// <summary>Told by the dispatcher when a message becomes pullable (wakes long-polling pulls).</summary>
public interface IMessageArrivingListener
{
    /// <summary>Called on the dispatch thread; must not block.</summary>
    void Arriving(string topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp);
}
