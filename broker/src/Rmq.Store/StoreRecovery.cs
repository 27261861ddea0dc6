using Serilog;

namespace Rmq.Store;

/// <summary>
/// Start-up recovery: load files, recover consume queues, verify and cut the commit log, drop consume-queue
/// units beyond it, re-dispatch what the queues and index miss, and rebuild the queue-offset counters.
/// </summary>
internal sealed class StoreRecovery
{
    private readonly CommitLog _commitLog;
    private readonly ConsumeQueueTable _queues;
    private readonly IndexService? _index;
    private readonly ReputMessageService _reput;
    private readonly StoreCheckpoint _checkpoint;
    private readonly MessageStoreOptions _options;
    private readonly ILogger _log;

    public StoreRecovery(CommitLog commitLog, ConsumeQueueTable queues, IndexService? index, ReputMessageService reput, StoreCheckpoint checkpoint, MessageStoreOptions options, ILogger log)
    {
        _commitLog = commitLog;
        _queues = queues;
        _index = index;
        _reput = reput;
        _checkpoint = checkpoint;
        _options = options;
        _log = log;
    }

    public void Recover(bool lastExitOk)
    {
        _commitLog.Queue.Load();
        _queues.Load();
        _index?.Load();
        _queues.Recover();

        var scanStart = new CommitLogRecovery(_commitLog, _options, _log).Recover(lastExitOk, _checkpoint);
        var maxPhy = _commitLog.MaxOffset;
        var minPhy = _commitLog.MinOffset;
        _queues.TruncateDirtyLogicFiles(maxPhy);
        _queues.CorrectMinOffsets(minPhy);

        var cqMax = _queues.MaxPhysicOffset;
        var from = cqMax < 0 ? minPhy : lastExitOk ? cqMax : Math.Min(scanStart, cqMax);
        if (_index is not null && !lastExitOk)
        {
            // Index entries are skipped when already present, so re-dispatching from the oldest gap is safe.
            from = Math.Min(from, Math.Min(_index.TruncateBeyond(maxPhy), _index.IndexedUpTo));
        }

        _reput.ReputFromOffset = Math.Clamp(from, minPhy, maxPhy);
        var redispatched = 0;
        while (_reput.IsBehind)
        {
            var n = _reput.DoReput();
            redispatched += n;
            if (n == 0)
            {
                break;
            }
        }

        _commitLog.SetTopicQueueTable(_queues.OffsetTable());
        _log.Information(
            "Store recovered ({Mode}): commit log [{Min}, {Max}), {Queues} consume queues, {Redispatched} records re-dispatched from {From}",
            lastExitOk ? "clean stop" : "after a crash", minPhy, maxPhy, _queues.All.Count(), redispatched, from);
    }
}
