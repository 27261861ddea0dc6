using System.Globalization;
using Rmq.Remoting.Protocol;

namespace Rmq.Client.Admin;

/// <summary>
/// Whether a master is still being written to, from the broker itself, by every signal it offers: the sum of every
/// queue's max offset (GET_ALL_TOPIC_CONFIG + GET_MAX_OFFSET; one per message put, and it tells which queues grew),
/// <c>msgPutTotalTodayNow</c> and <c>commitLogMaxOffset</c> of GET_BROKER_RUNTIME_INFO. Any of them moving counts as a
/// write, so one stuck or missing statistic cannot make a busy broker look idle.
/// </summary>
internal sealed class PutCounter(AdminClient admin, string master)
{
    /// <summary>Above this many queues the per-queue offsets are not read at every check (runtime figures only).</summary>
    public const int MaxQueuesPerCheck = 4096;

    private bool _runtimeUnsupported;
    private (long? Puts, long? CommitLogMax, long? OffsetSum)? _previous;
    private Dictionary<(string Topic, int QueueId), long>? _lastOffsets;

    /// <param name="Puts">Messages put so far by the best signal available (queue offsets, else msgPutTotalTodayNow).</param>
    /// <param name="Moved">Any signal changed since the previous reading; null on the first one.</param>
    public sealed record Reading(long Puts, bool? Moved, double? PutTps, string Source, IReadOnlyList<(string Topic, int QueueId, long MaxOffset)> GrownQueues);

    public async Task<Reading> ReadAsync(CancellationToken cancellationToken)
    {
        double? tps = null;
        long? runtimePuts = null, commitLogMax = null;
        if (!_runtimeUnsupported)
        {
            try
            {
                var runtime = await admin.BrokerRuntimeInfoAsync(master, cancellationToken).ConfigureAwait(false);
                tps = runtime.GetValueOrDefault("putTps")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && double.TryParse(first, CultureInfo.InvariantCulture, out var v) ? v : null;
                runtimePuts = long.TryParse(runtime.GetValueOrDefault("msgPutTotalTodayNow"), CultureInfo.InvariantCulture, out var p) ? p : null;
                commitLogMax = long.TryParse(runtime.GetValueOrDefault("commitLogMaxOffset"), CultureInfo.InvariantCulture, out var c) ? c : null;
            }
            catch (MQClientException e) when (e.Code == ResponseCode.RequestCodeNotSupported)
            {
                _runtimeUnsupported = true;
            }
        }

        Dictionary<(string Topic, int QueueId), long>? offsets;
        try
        {
            offsets = await QueueOffsetsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MQClientException) when (runtimePuts is not null || commitLogMax is not null)
        {
            // the runtime figures alone, then
            offsets = null;
        }

        long? offsetSum = offsets?.Values.Sum();
        var grown = _lastOffsets is null || offsets is null
            ? []
            : offsets.Where(o => o.Value > _lastOffsets.GetValueOrDefault(o.Key)).Select(o => (o.Key.Topic, o.Key.QueueId, o.Value)).ToList();
        _lastOffsets = offsets ?? _lastOffsets;

        var current = (runtimePuts, commitLogMax, offsetSum);
        bool? moved = _previous is not { } before
            ? null
            : Changed(before.Puts, runtimePuts) || Changed(before.CommitLogMax, commitLogMax) || Changed(before.OffsetSum, offsetSum);
        _previous = current;
        if (offsetSum is null && runtimePuts is null && commitLogMax is null)
        {
            throw new MQClientException($"the broker {master} offers no put figure (runtime info or queue offsets)");
        }

        var source = string.Join('+', new[] { offsetSum is null ? null : "queueOffsets", runtimePuts is null && commitLogMax is null ? null : "runtimeInfo" }.OfType<string>());
        return new Reading(offsetSum ?? runtimePuts ?? 0, moved, tps, source, grown);
    }

    /// <summary>Queues whose max offset grows over <paramref name="window"/> (two readings), with the later offset.</summary>
    public async Task<IReadOnlyList<(string Topic, int QueueId, long MaxOffset)>> SampleGrownQueuesAsync(TimeSpan window, TimeProvider time, CancellationToken cancellationToken)
    {
        var before = await QueueOffsetsAsync(cancellationToken, force: true).ConfigureAwait(false);
        await Task.Delay(window, time, cancellationToken).ConfigureAwait(false);
        var after = await QueueOffsetsAsync(cancellationToken, force: true).ConfigureAwait(false);
        return before is null || after is null
            ? []
            : after.Where(o => o.Value > before.GetValueOrDefault(o.Key)).Select(o => (o.Key.Topic, o.Key.QueueId, o.Value)).ToList();
    }

    private static bool Changed(long? before, long? now) => before is not null && now is not null && before != now;

    private async Task<Dictionary<(string Topic, int QueueId), long>?> QueueOffsetsAsync(CancellationToken cancellationToken, bool force = false)
    {
        var topics = await admin.Broker.GetAllTopicConfigAsync(master, cancellationToken).ConfigureAwait(false);
        var queues = topics.TopicConfigTable
            .SelectMany(t => Enumerable.Range(0, Math.Max(t.Value.ReadQueueNums, t.Value.WriteQueueNums)).Select(q => (Topic: t.Key, QueueId: q)))
            .ToList();
        if (queues.Count > MaxQueuesPerCheck && !force)
        {
            return null;
        }

        var offsets = new Dictionary<(string Topic, int QueueId), long>();
        foreach (var chunk in queues.Chunk(256))
        {
            var maxOffsets = await Task.WhenAll(chunk.Select(q => admin.Broker.GetMaxOffsetAsync(master, q.Topic, q.QueueId, cancellationToken))).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                offsets[chunk[i]] = maxOffsets[i];
            }
        }

        return offsets;
    }
}
