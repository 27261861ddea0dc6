namespace Rmq.Ha;

/// <summary>
/// Pending SYNC_MASTER puts keyed by end offset (RocketMQ <c>GroupTransferService</c> without its polling): each
/// completes true when a slave ack reaches its offset, false when its timeout fires or the service stops.
/// </summary>
internal sealed class SlaveAckWaiters
{
    private const int PurgeThreshold = 4096;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private PriorityQueue<Waiter, long> _pending = new();
    private long _acked;

    public SlaveAckWaiters(TimeProvider time) => _time = time;

    public long AckedOffset => Interlocked.Read(ref _acked);

    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Completes true when <see cref="AckedOffset"/> reaches <paramref name="endOffset"/>, false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(long endOffset, TimeSpan timeout)
    {
        if (AckedOffset >= endOffset)
        {
            return Task.FromResult(true);
        }

        var waiter = new Waiter();
        lock (_lock)
        {
            // Re-check under the lock: an ack between the first check and here would complete nothing otherwise.
            if (AckedOffset >= endOffset)
            {
                return Task.FromResult(true);
            }

            if (_pending.Count >= PurgeThreshold)
            {
                Purge();
            }

            _pending.Enqueue(waiter, endOffset);
            waiter.Timer = _time.CreateTimer(static state => ((Waiter)state!).Complete(false), waiter, timeout, Timeout.InfiniteTimeSpan);
        }

        return waiter.Task;
    }

    /// <summary>Raises the acked offset (never lowers it) and completes every waiter it covers; returns whether it rose.</summary>
    public bool Ack(long offset)
    {
        lock (_lock)
        {
            if (offset <= _acked)
            {
                return false;
            }

            Interlocked.Exchange(ref _acked, offset);
            while (_pending.TryPeek(out var waiter, out var end) && end <= offset)
            {
                _pending.Dequeue();
                waiter.Complete(true);
            }

            return true;
        }
    }

    /// <summary>Completes every pending waiter with false (shutting down).</summary>
    public void FailAll()
    {
        lock (_lock)
        {
            while (_pending.TryDequeue(out var waiter, out _))
            {
                waiter.Complete(false);
            }
        }
    }

    /// <summary>Drops timed-out waiters so a slave that never acks cannot grow the queue without bound. Lock held.</summary>
    private void Purge()
    {
        var kept = new PriorityQueue<Waiter, long>();
        foreach (var (waiter, end) in _pending.UnorderedItems)
        {
            if (!waiter.Task.IsCompleted)
            {
                kept.Enqueue(waiter, end);
            }
        }

        _pending = kept;
    }

    private sealed class Waiter
    {
        private readonly TaskCompletionSource<bool> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ITimer? Timer { get; set; }

        public Task<bool> Task => _tcs.Task;

        public void Complete(bool acked)
        {
            if (_tcs.TrySetResult(acked))
            {
                Timer?.Dispose();
            }
        }
    }
}
