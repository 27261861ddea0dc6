using System.Collections.Concurrent;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker.LongPolling;

/// <summary>
/// Long polling (RocketMQ PullRequestHoldService): suspended pulls per topic-queue, woken by the store's
/// arriving listener (no polling) or by a per-request timer at their timeout, then re-run once.
/// </summary>
internal sealed class PullRequestHoldService : IMessageArrivingListener, IDisposable
{
    private readonly ConcurrentDictionary<(string Topic, int QueueId), ConcurrentDictionary<PullRequest, byte>> _table = new();
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private volatile bool _stopped;

    public PullRequestHoldService(TimeProvider timeProvider, ILogger? logger = null)
    {
        _time = timeProvider;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<PullRequestHoldService>();
    }

    /// <summary>Re-runs a woken request without suspension and writes its answer (set by the pull processor).</summary>
    public Action<PullRequest>? Wake { get; set; }

    /// <summary>How many requests are held now.</summary>
    public int HeldCount => _table.Values.Sum(q => q.Count);

    /// <summary>Max queue offset lookup, to close the race between the store read and the hold.</summary>
    public Func<string, int, long>? MaxOffsetLookup { get; set; }

    public void Hold(PullRequest request, TimeSpan timeout)
    {
        if (_stopped)
        {
            return;
        }

        var queue = _table.GetOrAdd((request.Topic, request.QueueId), _ => new ConcurrentDictionary<PullRequest, byte>());
        queue[request] = 0;
        request.Timer = _time.CreateTimer(static state => ((PullRequestHoldService)((object[])state!)[0]).Complete((PullRequest)((object[])state!)[1]), new object[] { this, request }, timeout, Timeout.InfiniteTimeSpan);

        // A message may have arrived between the store read and the hold.
        if (MaxOffsetLookup is { } lookup && lookup(request.Topic, request.QueueId) > request.PullFromThisOffset)
        {
            Complete(request);
        }
    }

    public void Arriving(string topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp)
    {
        if (!_table.TryGetValue((topic, queueId), out var queue))
        {
            return;
        }

        foreach (var request in queue.Keys)
        {
            if (logicOffset >= request.PullFromThisOffset && request.Filter.IsMatchedByConsumeQueue(tagsCode))
            {
                Complete(request);
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        foreach (var queue in _table.Values)
        {
            foreach (var request in queue.Keys)
            {
                request.TryComplete();
            }
        }

        _table.Clear();
    }

    private void Complete(PullRequest request)
    {
        if (_table.TryGetValue((request.Topic, request.QueueId), out var queue))
        {
            queue.TryRemove(request, out _);
        }

        if (!request.TryComplete() || _stopped)
        {
            return;
        }

        try
        {
            Wake?.Invoke(request);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            _log.Warning(e, "Could not re-run a suspended pull of {Topic}/{QueueId}", request.Topic, request.QueueId);
        }
    }
}
