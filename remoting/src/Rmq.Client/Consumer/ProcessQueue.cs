using Rmq.Client.Messages;

namespace Rmq.Client.Consumer;

/// <summary>
/// Messages pulled from one queue and not yet consumed (ProcessQueue.java), ordered by queue offset; the
/// offset that may be committed is the smallest one still in flight, or one past the largest seen.
/// </summary>
public sealed class ProcessQueue
{
    private readonly SortedDictionary<long, MessageExt> _messages = [];
    private readonly Lock _lock = new();
    private long _queueOffsetMax;
    private long _size;

    public bool Dropped { get; set; }

    public int MessageCount
    {
        get
        {
            lock (_lock)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Body bytes in flight.</summary>
    public long MessageSize => Interlocked.Read(ref _size);

    public long LastPullTimestamp { get; set; }

    public long LastConsumeTimestamp { get; set; }

    /// <summary>Adds pulled messages; duplicates by offset are ignored.</summary>
    public void PutMessages(IEnumerable<MessageExt> messages)
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
