using Rmq.Client.Messages;

namespace Rmq.Client.Consumer;

/// <summary>
/// Messages pulled from one queue and not yet consumed (ProcessQueue.java), ordered by queue offset; the
/// offset that may be committed is the smallest one still in flight, or one past the largest seen.
/// For orderly consumption it also keeps the messages taken by the listener apart (consumingMsgOrderlyTreeMap),
/// the broker lock state and the consume lock a rebalance waits for before unlocking the queue.
/// </summary>
public sealed class ProcessQueue
{
    private readonly SortedDictionary<long, MessageExt> _messages = [];
    private readonly SortedDictionary<long, MessageExt> _consumingOrderly = [];
    private readonly Lock _lock = new();
    private long _queueOffsetMax;
    private long _size;
    private bool _consuming;
    private long _lastLockTimestamp;
    private volatile bool _locked;
    private volatile bool _dropped;

    public bool Dropped
    {
        get => _dropped;
        set => _dropped = value;
    }

    /// <summary>Messages held: waiting plus (orderly) taken by the listener.</summary>
    public int MessageCount
    {
        get
        {
            lock (_lock)
            {
                return _messages.Count + _consumingOrderly.Count;
            }
        }
    }

    /// <summary>Body bytes in flight.</summary>
    public long MessageSize => Interlocked.Read(ref _size);

    public long LastPullTimestamp { get; set; }

    public long LastConsumeTimestamp { get; set; }

    /// <summary>Orderly: the broker granted this client the queue's lock (LOCK_BATCH_MQ).</summary>
    public bool Locked
    {
        get => _locked;
        set => _locked = value;
    }

    /// <summary>Orderly: when the broker last granted the lock, in Unix milliseconds.</summary>
    public long LastLockTimestamp
    {
        get => Interlocked.Read(ref _lastLockTimestamp);
        set => Interlocked.Exchange(ref _lastLockTimestamp, value);
    }

    /// <summary>
    /// Orderly: held while the listener runs on this queue's messages; a rebalance takes it before it
    /// unlocks the queue on the broker, so the next owner never overlaps a consumption in progress.
    /// </summary>
    public SemaphoreSlim ConsumeLock { get; } = new(1, 1);

    /// <summary>Orderly: the lock was last granted longer ago than <paramref name="maxLiveTime"/> (the client stops consuming then).</summary>
    public bool IsLockExpired(long nowMillis, TimeSpan maxLiveTime) => nowMillis - LastLockTimestamp > (long)maxLiveTime.TotalMilliseconds;

    /// <summary>
    /// Adds pulled messages; duplicates by offset are ignored. Returns true when an orderly consume request
    /// must be dispatched: messages are waiting and none is running for this queue (dispatchToConsume).
    /// </summary>
    public bool PutMessages(IEnumerable<MessageExt> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_lock)
        {
            foreach (var message in messages)
            {
                if (_messages.TryAdd(message.QueueOffset, message))
                {
                    _size += message.Body.Length;
                    _queueOffsetMax = Math.Max(_queueOffsetMax, message.QueueOffset);
                }
            }

            if (_messages.Count > 0 && !_consuming)
            {
                _consuming = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>
    /// Removes consumed messages and returns the offset to commit: the first offset still in flight, or
    /// max+1 when none is; -1 when the queue held nothing.
    /// </summary>
    public long RemoveMessages(IEnumerable<MessageExt> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_lock)
        {
            if (_messages.Count == 0)
            {
                return -1;
            }

            var result = _queueOffsetMax + 1;
            foreach (var message in messages)
            {
                if (_messages.Remove(message.QueueOffset, out var removed))
                {
                    _size -= removed.Body.Length;
                }
            }

            return _messages.Count > 0 ? _messages.First().Key : result;
        }
    }

    /// <summary>
    /// Orderly: moves up to <paramref name="batchSize"/> messages, lowest offsets first, to the consuming set
    /// and returns them; when none is left the queue is marked not consuming (the next pull dispatches again).
    /// </summary>
    public IReadOnlyList<MessageExt> TakeMessages(int batchSize)
    {
        lock (_lock)
        {
            var taken = new List<MessageExt>(Math.Min(batchSize, _messages.Count));
            while (taken.Count < batchSize && _messages.Count > 0)
            {
                var first = _messages.First();
                _messages.Remove(first.Key);
                _consumingOrderly[first.Key] = first.Value;
                taken.Add(first.Value);
            }

            if (taken.Count == 0)
            {
                _consuming = false;
            }

            return taken;
        }
    }

    /// <summary>Orderly: the consuming set is done; returns the offset to commit (last + 1), or -1 when it was empty.</summary>
    public long Commit()
    {
        lock (_lock)
        {
            if (_consumingOrderly.Count == 0)
            {
                return -1;
            }

            var offset = _consumingOrderly.Last().Key + 1;
            foreach (var message in _consumingOrderly.Values)
            {
                _size -= message.Body.Length;
            }

            _consumingOrderly.Clear();
            return offset;
        }
    }

    /// <summary>Orderly: puts taken messages back to be consumed again (SUSPEND_CURRENT_QUEUE_A_MOMENT).</summary>
    public void MakeMessagesToConsumeAgain(IEnumerable<MessageExt> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_lock)
        {
            foreach (var message in messages)
            {
                _consumingOrderly.Remove(message.QueueOffset);
                _messages[message.QueueOffset] = message;
            }
        }
    }

    /// <summary>Offset span in flight (max − min), for flow control.</summary>
    public long MaxSpan
    {
        get
        {
            lock (_lock)
            {
                return _messages.Count == 0 ? 0 : _messages.Last().Key - _messages.First().Key;
            }
        }
    }
}
