using Serilog;

namespace Rmq.Store;

/// <summary>
/// The dispatch ("reput") service: reads the commit log from <see cref="ReputFromOffset"/> and builds consume
/// queues and the index, then tells the arriving listener. Woken by a signal on every append; a short timer is a
/// fallback only.
/// </summary>
internal sealed class ReputMessageService
{
    private readonly CommitLog _commitLog;
    private readonly ConsumeQueueTable _queues;
    private readonly IndexService? _index;
    private readonly StoreCheckpoint _checkpoint;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly long[] _delayLevels;
    private readonly AsyncSignal _signal = new();
    private readonly Lock _dispatchLock = new();
    private readonly CancellationTokenSource _stop = new();
    private long _reputFromOffset;
    private Task? _loop;

    public ReputMessageService(CommitLog commitLog, ConsumeQueueTable queues, IndexService? index, StoreCheckpoint checkpoint, MessageStoreOptions options, TimeProvider time, ILogger log)
    {
        _commitLog = commitLog;
        _queues = queues;
        _index = index;
        _checkpoint = checkpoint;
        _time = time;
        _log = log;
        _delayLevels = DelayLevelTable.Parse(options.MessageDelayLevel);
    }

    public IMessageArrivingListener? ArrivingListener { get; set; }

    /// <summary>Commit-log offset up to which records are dispatched.</summary>
    public long ReputFromOffset
    {
        get => Interlocked.Read(ref _reputFromOffset);
        set => Interlocked.Exchange(ref _reputFromOffset, value);
    }

    /// <summary>Store time of the last record dispatched to a consume queue.</summary>
    public long LastDispatchedStoreTimestamp { get; private set; }

    public bool IsBehind => ReputFromOffset < _commitLog.MaxOffset;

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    public void Wakeup() => _signal.Set();

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        DoReput();
        _stop.Dispose();
    }

    /// <summary>Dispatches everything readable now; returns the number of records dispatched.</summary>
    public int DoReput()
    {
        lock (_dispatchLock)
        {
            var count = 0;
            if (ReputFromOffset < _commitLog.MinOffset)
            {
                _log.Warning("Dispatch offset {Offset} is below the commit log min {Min}; skipping ahead", ReputFromOffset, _commitLog.MinOffset);
                ReputFromOffset = _commitLog.MinOffset;
            }

            while (ReputFromOffset < _commitLog.MaxOffset)
            {
                using var data = _commitLog.GetData(ReputFromOffset);
                if (data is null)
                {
                    break;
                }

                var span = data.Span;
                var position = 0;
                while (position < span.Length)
                {
                    var offset = data.StartOffset + position;
                    var result = MessageRecord.Check(span[position..], offset, checkCrc: false, out var request);
                    if (result == RecordCheckResult.Message)
                    {
                        Dispatch(in request);
                        position += request.TotalSize;
                        ReputFromOffset = offset + request.TotalSize;
                        count++;
                    }
                    else if (result == RecordCheckResult.Blank)
                    {
                        ReputFromOffset = _commitLog.RollNextFile(offset);
                        break;
                    }
                    else if (result == RecordCheckResult.Incomplete)
                    {
                        return count; // the rest of the record has not arrived yet (replication)
                    }
                    else
                    {
                        _log.Error("Dispatch found {Result} at commit-log offset {Offset}; dispatch stops here", result, offset);
                        return count;
                    }
                }
            }

            return count;
        }
    }

    private void Dispatch(ref readonly DispatchRequest request)
    {
        if (CommitLog.IsDispatchable(request.SysFlag))
        {
            var cq = _queues.FindOrCreate(request.Topic, request.QueueId);
            var tagsCode = request.TagsCode;
            if (request.DelayLevel > 0 && cq.Topic == MessageProperties.ScheduleTopic)
            {
                var level = Math.Min(request.DelayLevel, _delayLevels.Length);
                tagsCode = request.StoreTimestamp + _delayLevels[level - 1];
            }

            var before = cq.MaxOffsetInQueue;
            cq.PutMessagePositionInfo(request.CommitLogOffset, request.TotalSize, tagsCode, request.ConsumeQueueOffset);
            LastDispatchedStoreTimestamp = request.StoreTimestamp;
            _checkpoint.LogicsMsgTimestamp = request.StoreTimestamp;
            if (cq.MaxOffsetInQueue > before)
            {
                ArrivingListener?.Arriving(cq.Topic, cq.QueueId, request.ConsumeQueueOffset, tagsCode, request.StoreTimestamp);
            }
        }

        _index?.BuildIndex(in request);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                DoReput();
                await _signal.WaitAsync(TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (IOException e)
            {
                _log.Error(e, "Dispatch failed at {Offset}", ReputFromOffset);
            }
        }
    }
}
