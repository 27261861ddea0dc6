using System.Globalization;
using Rmq.Remoting.Protocol;

namespace Rmq.Client.Admin;

/// <summary>
/// How many messages a master has put, read from the broker itself: <c>msgPutTotalTodayNow</c> of GET_BROKER_RUNTIME_INFO,
/// or, when the broker does not answer that code, the sum of every queue's max offset (GET_ALL_TOPIC_CONFIG + GET_MAX_OFFSET),
/// which grows by one per message put and also tells which queues grew.
/// </summary>
internal sealed class PutCounter(AdminClient admin, string master)
{
    private bool _runtimeUnsupported;
    private Dictionary<(string Topic, int QueueId), long>? _lastOffsets;

    public sealed record Reading(long Total, double? PutTps, string Source, IReadOnlyList<(string Topic, int QueueId, long MaxOffset)> GrownQueues);

    public async Task<Reading> ReadAsync(CancellationToken cancellationToken)
    {
        double? tps = null;
        if (!_runtimeUnsupported)
        {
            try
            {
                var runtime = await admin.BrokerRuntimeInfoAsync(master, cancellationToken).ConfigureAwait(false);
                tps = runtime.GetValueOrDefault("putTps")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && double.TryParse(first, CultureInfo.InvariantCulture, out var v) ? v : null;
                if (long.TryParse(runtime.GetValueOrDefault("msgPutTotalTodayNow"), CultureInfo.InvariantCulture, out var total))
                {
                    return new Reading(total, tps, "runtimeInfo", []);
                }
            }
            catch (MQClientException e) when (e.Code == ResponseCode.RequestCodeNotSupported)
            {
                _runtimeUnsupported = true;
            }
        }

        var topics = await admin.Broker.GetAllTopicConfigAsync(master, cancellationToken).ConfigureAwait(false);
        var queues = topics.TopicConfigTable
            .SelectMany(t => Enumerable.Range(0, Math.Max(t.Value.ReadQueueNums, t.Value.WriteQueueNums)).Select(q => (Topic: t.Key, QueueId: q)))
            .ToList();
        var maxOffsets = await Task.WhenAll(queues.Select(q => admin.Broker.GetMaxOffsetAsync(master, q.Topic, q.QueueId, cancellationToken))).ConfigureAwait(false);
        var offsets = new Dictionary<(string Topic, int QueueId), long>();
        for (var i = 0; i < queues.Count; i++)
        {
            offsets[queues[i]] = maxOffsets[i];
        }

        var grown = _lastOffsets is null
            ? []
            : offsets.Where(o => o.Value > _lastOffsets.GetValueOrDefault(o.Key)).Select(o => (o.Key.Topic, o.Key.QueueId, o.Value)).ToList();
        _lastOffsets = offsets;
        return new Reading(offsets.Values.Sum(), tps, "queueOffsets", grown);
    }
}
