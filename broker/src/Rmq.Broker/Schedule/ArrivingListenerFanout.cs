using Rmq.Broker.LongPolling;
using Rmq.Store;

namespace Rmq.Broker.Schedule;

/// <summary>The store's one arriving listener, passed on to long polling and to the delay-level loops.</summary>
internal sealed class ArrivingListenerFanout(PullRequestHoldService pullHold) : IMessageArrivingListener
{
    public ScheduleMessageService? Schedule { get; set; }

    public void Arriving(string topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp)
    {
        pullHold.Arriving(topic, queueId, logicOffset, tagsCode, storeTimestamp);
        Schedule?.Arriving(topic, queueId);
    }
}
