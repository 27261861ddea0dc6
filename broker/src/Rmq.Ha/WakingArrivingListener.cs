using Rmq.Store;

namespace Rmq.Ha;

/// <summary>Wakes the HA senders when the store dispatches a new message, then passes the call on.</summary>
internal sealed class WakingArrivingListener(HaService service, IMessageArrivingListener? inner) : IMessageArrivingListener
{
    public void Arriving(string topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp)
    {
        service.NotifyNewData();
        inner?.Arriving(topic, queueId, logicOffset, tagsCode, storeTimestamp);
    }
}
