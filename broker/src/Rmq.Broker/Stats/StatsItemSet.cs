using System.Collections.Concurrent;

namespace Rmq.Broker.Stats;

/// <summary>Every item of one stats name (RocketMQ <c>StatsItemSet</c>), created on first use.</summary>
public sealed class StatsItemSet(string statsName, TimeProvider time)
{
    private readonly ConcurrentDictionary<StatsKey, StatsItem> _items = new();

    public string StatsName { get; } = statsName;

    public int Count => _items.Count;

    /// <summary>Adds to the item of <paramref name="key"/>; allocates only the first time a key is seen.</summary>
    public void Add(StatsKey key, long value, long times)
    {
        if (!_items.TryGetValue(key, out var item))
        {
            item = _items.GetOrAdd(key, k => new StatsItem(StatsName, k.ToString(), time.GetUtcNow().ToUnixTimeMilliseconds()));
        }

        item.Add(value, times);
    }

    public StatsItem? Find(StatsKey key) => _items.TryGetValue(key, out var item) ? item : null;

    /// <summary>The per-second rate of an item over its minute window; 0 when it does not exist.</summary>
    public double MinuteTps(StatsKey key) => Find(key)?.InMinute.Tps ?? 0;

    public void SampleSeconds(long nowMillis)
    {
        foreach (var item in _items.Values)
        {
            item.SampleSeconds(nowMillis);
        }
    }

    public void SampleMinutes(long nowMillis)
    {
        foreach (var item in _items.Values)
        {
            item.SampleMinutes(nowMillis);
        }
    }

    public void SampleHour(long nowMillis)
    {
        foreach (var item in _items.Values)
        {
            item.SampleHour(nowMillis);
        }
    }

    /// <summary>Drops the items whose primary key (topic) or secondary key (group) matches.</summary>
    public void RemoveWhere(Func<StatsKey, bool> match)
    {
        foreach (var key in _items.Keys)
        {
            if (match(key))
            {
                _items.TryRemove(key, out _);
            }
        }
    }
}
