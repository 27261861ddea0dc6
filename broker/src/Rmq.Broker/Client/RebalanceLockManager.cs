using System.Collections.Concurrent;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Broker.Client;

/// <summary>
/// Queue locks of orderly consumers (RocketMQ RebalanceLockManager): a queue belongs to one client of a group
/// until that client unlocks it or does not renew the lock for 60 s.
/// </summary>
public sealed class RebalanceLockManager(TimeProvider timeProvider, ILogger? logger = null)
{
    public static readonly TimeSpan LockMaxLiveTime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Dictionary<MessageQueue, LockEntry>> _table = new(StringComparer.Ordinal);
    private readonly ILogger _log = (logger ?? Serilog.Core.Logger.None).ForContext<RebalanceLockManager>();

    /// <summary>Locks or renews what it can for <paramref name="clientId"/>; returns the queues it now holds.</summary>
    public List<MessageQueue> TryLockBatch(string group, IEnumerable<MessageQueue> queues, string clientId)
    {
        var now = timeProvider.GetUtcNow();
        var locks = _table.GetOrAdd(group, _ => []);
        var locked = new List<MessageQueue>();
        lock (locks)
        {
            foreach (var mq in queues)
            {
                if (!locks.TryGetValue(mq, out var entry) || entry.IsExpired(now) || entry.ClientId == clientId)
                {
                    if (entry is not null && entry.ClientId != clientId)
                    {
                        _log.Warning("Queue lock of {Queue} expired for {OldClient}; group {Group} now locked by {ClientId}", mq, entry.ClientId, group, clientId);
                    }

                    locks[mq] = new LockEntry(clientId, now);
                    locked.Add(mq);
                }
            }
        }

        return locked;
    }

    public void UnlockBatch(string group, IEnumerable<MessageQueue> queues, string clientId)
    {
        if (!_table.TryGetValue(group, out var locks))
        {
            return;
        }

        lock (locks)
        {
            foreach (var mq in queues)
            {
                if (locks.TryGetValue(mq, out var entry) && entry.ClientId == clientId)
                {
                    locks.Remove(mq);
                }
            }
        }
    }

    public bool IsLockedBy(string group, MessageQueue mq, string clientId)
    {
        if (!_table.TryGetValue(group, out var locks))
        {
            return false;
        }

        lock (locks)
        {
            return locks.TryGetValue(mq, out var entry) && entry.ClientId == clientId && !entry.IsExpired(timeProvider.GetUtcNow());
        }
    }

    private sealed record LockEntry(string ClientId, DateTimeOffset LastUpdate)
    {
        public bool IsExpired(DateTimeOffset now) => now - LastUpdate > LockMaxLiveTime;
    }
}
