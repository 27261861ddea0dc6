using Serilog;

namespace Rmq.Store;

/// <summary>
/// Gets the commit log to disk. SYNC_FLUSH: group commit — appenders queue a request for their end offset and
/// await a <see cref="TaskCompletionSource"/>; the flusher wakes on the signal, takes every pending request,
/// flushes once and completes them all. ASYNC_FLUSH: a timed loop honouring least-pages and the thorough interval.
/// </summary>
internal sealed class CommitLogFlushService
{
    private readonly CommitLog _commitLog;
    private readonly StoreCheckpoint _checkpoint;
    private readonly MessageStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ManualResetEventSlim _wakeup = new(false);
    private readonly Lock _requestsLock = new();
    private readonly CancellationTokenSource _stop = new();
    private List<FlushRequest> _requests = [];
    private List<FlushRequest> _spare = [];
    private List<FlushRequest>? _inFlight;
    private ITimer? _timeoutSweeper;
    private Task? _loop;
    private Thread? _groupCommitThread;
    private long _flushCount;

    public CommitLogFlushService(CommitLog commitLog, StoreCheckpoint checkpoint, MessageStoreOptions options, TimeProvider time, ILogger log)
    {
        _commitLog = commitLog;
        _checkpoint = checkpoint;
        _options = options;
        _time = time;
        _log = log;
    }

    /// <summary>How many flush rounds wrote something to disk (each is one msync/fsync per file touched).</summary>
    public long FlushCount => Interlocked.Read(ref _flushCount);

    /// <summary>Test hook run before each flush round (to make the disk slow).</summary>
    public Action? BeforeFlush { get; set; }

    public void Start()
    {
        if (_options.FlushDiskType == FlushDiskType.SYNC_FLUSH)
        {
            // One timer for all requests instead of one per append: a request older than syncFlushTimeout completes
            // false (FLUSH_DISK_TIMEOUT) even while the flusher is stuck in a slow msync.
            var period = TimeSpan.FromMilliseconds(Math.Clamp(_options.SyncFlushTimeout / 10, 1, 100));
            _timeoutSweeper = _time.CreateTimer(_ => SweepTimeouts(), null, period, period);
        }

        if (_options.FlushDiskType == FlushDiskType.SYNC_FLUSH)
        {
            // A dedicated thread: woken directly by the signal (not queued behind appenders on the thread pool),
            // and free to block in msync.
            _groupCommitThread = new Thread(() => GroupCommitLoop(_stop.Token)) { IsBackground = true, Name = "GroupCommitService" };
            _groupCommitThread.Start();
        }
        else
        {
            _loop = Task.Run(() => AsyncFlushLoopAsync(_stop.Token));
        }
    }

    /// <summary>
    /// Completes true when the commit log is flushed to at least <paramref name="endOffset"/>, false when that did
    /// not happen within <c>syncFlushTimeout</c>.
    /// </summary>
    public Task<bool> RequestFlushAsync(long endOffset)
    {
        if (_commitLog.FlushedOffset >= endOffset)
        {
            return Task.FromResult(true);
        }

        var request = new FlushRequest(endOffset, _time.GetTimestamp());
        lock (_requestsLock)
        {
            _requests.Add(request);
        }

        _wakeup.Set();
        return request.Completion.Task;
    }

    public void Wakeup() => _wakeup.Set();

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _wakeup.Set();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _groupCommitThread?.Join();

        FlushAll();
        CompleteRequests(final: true);
        if (_timeoutSweeper is not null)
        {
            await _timeoutSweeper.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
        _wakeup.Dispose();
    }

    private void GroupCommitLoop(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Signal-driven; the 10 ms timeout only flushes WAIT=false appends that nobody waits for.
                _wakeup.Wait(10, CancellationToken.None);
                _wakeup.Reset();
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (HasRequests() || _commitLog.FlushedOffset < _commitLog.MaxOffset)
                {
                    FlushAll();
                    CompleteRequests(final: false);
                }
            }
            catch (IOException e)
            {
                _log.Fatal(e, "Commit log flush failed");
            }
        }
    }

    private async Task AsyncFlushLoopAsync(CancellationToken cancellationToken)
    {
        var lastThorough = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_options.FlushIntervalCommitLog), _time, cancellationToken).ConfigureAwait(false);
                var leastPages = _options.FlushCommitLogLeastPages;
                if (_time.GetElapsedTime(lastThorough).TotalMilliseconds >= _options.FlushCommitLogThoroughInterval)
                {
                    lastThorough = _time.GetTimestamp();
                    leastPages = 0;
                }

                FlushOnce(leastPages);
                CompleteRequests(final: false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (IOException e)
            {
                _log.Fatal(e, "Commit log flush failed");
            }
        }
    }

    private void FlushAll()
    {
        BeforeFlush?.Invoke();
        var before = _commitLog.FlushedOffset;
        var timestamp = _commitLog.Queue.LastStoreTimestamp;
        _commitLog.Queue.FlushAll();
        AfterFlush(before, timestamp);
    }

    private void FlushOnce(int leastPages)
    {
        BeforeFlush?.Invoke();
        var before = _commitLog.FlushedOffset;
        var timestamp = _commitLog.Queue.LastStoreTimestamp;
        _commitLog.Queue.Flush(leastPages);
        AfterFlush(before, timestamp);
    }

    private void AfterFlush(long before, long timestamp)
    {
        if (_commitLog.FlushedOffset != before)
        {
            Interlocked.Increment(ref _flushCount);
            if (timestamp > 0)
            {
                _checkpoint.PhysicMsgTimestamp = timestamp;
            }
        }
    }

    private bool HasRequests()
    {
        lock (_requestsLock)
        {
            return _requests.Count > 0;
        }
    }

    private void CompleteRequests(bool final)
    {
        List<FlushRequest> batch;
        lock (_requestsLock)
        {
            if (_requests.Count == 0)
            {
                return;
            }

            batch = _requests;
            _requests = _spare;
            _spare = batch;
            _inFlight = batch;
        }

        var flushed = _commitLog.FlushedOffset;
        List<FlushRequest>? again = null;
        foreach (var request in batch)
        {
            if (flushed >= request.EndOffset || final)
            {
                request.Completion.TrySetResult(flushed >= request.EndOffset);
            }
            else
            {
                (again ??= []).Add(request);
            }
        }

        lock (_requestsLock)
        {
            _inFlight = null;
            batch.Clear();
        }

        if (again is not null)
        {
            lock (_requestsLock)
            {
                _requests.AddRange(again);
            }

            _wakeup.Set();
        }
    }

    private void SweepTimeouts()
    {
        var timeout = TimeSpan.FromMilliseconds(_options.SyncFlushTimeout);
        lock (_requestsLock)
        {
            Expire(_requests);
            if (_inFlight is not null)
            {
                Expire(_inFlight);
            }
        }

        void Expire(List<FlushRequest> requests)
        {
            foreach (var request in requests)
            {
                if (!request.Completion.Task.IsCompleted && _time.GetElapsedTime(request.Timestamp) >= timeout)
                {
                    request.Completion.TrySetResult(false);
                }
            }
        }
    }

    /// <summary>A waiter for "flushed up to EndOffset" (the request is its own completion source: one object per append).</summary>
    private sealed class FlushRequest(long endOffset, long timestamp) : TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public long EndOffset { get; } = endOffset;

        public long Timestamp { get; } = timestamp;

        public TaskCompletionSource<bool> Completion => this;
    }
}
