namespace Rmq.Broker.Stats;

/// <summary>
/// Per-topic and per-group counters of what this broker put and served (RocketMQ <c>BrokerStatsManager</c>), read by
/// VIEW_BROKER_STATS_DATA, GET_BROKER_CONSUME_STATS and mqadmin statsAll. Counting looks an item up by a value key
/// and adds with interlocked operations: no lock and no allocation once an item exists.
/// </summary>
public sealed class BrokerStatsManager
{
    private readonly Dictionary<string, StatsItemSet> _sets;
    private readonly StatsItemSet _topicPutNums;
    private readonly StatsItemSet _topicPutSize;
    private readonly StatsItemSet _groupGetNums;
    private readonly StatsItemSet _groupGetSize;
    private readonly StatsItemSet _sendBackPutNums;
    private readonly StatsItemSet _brokerPutNums;
    private readonly StatsItemSet _brokerGetNums;
    private readonly StatsKey _brokerKey;

    public BrokerStatsManager(string clusterName, TimeProvider time)
    {
        _brokerKey = new StatsKey(clusterName);
        _topicPutNums = new StatsItemSet(StatsNames.TopicPutNums, time);
        _topicPutSize = new StatsItemSet(StatsNames.TopicPutSize, time);
        _groupGetNums = new StatsItemSet(StatsNames.GroupGetNums, time);
        _groupGetSize = new StatsItemSet(StatsNames.GroupGetSize, time);
        _sendBackPutNums = new StatsItemSet(StatsNames.SendBackPutNums, time);
        _brokerPutNums = new StatsItemSet(StatsNames.BrokerPutNums, time);
        _brokerGetNums = new StatsItemSet(StatsNames.BrokerGetNums, time);
        _sets = new[] { _topicPutNums, _topicPutSize, _groupGetNums, _groupGetSize, _sendBackPutNums, _brokerPutNums, _brokerGetNums }
            .ToDictionary(s => s.StatsName, StringComparer.Ordinal);
    }

    /// <summary>A stored send: <paramref name="messages"/> messages of <paramref name="bytes"/> in one call.</summary>
    public void OnPut(string topic, int messages, long bytes)
    {
        var key = new StatsKey(topic);
        _topicPutNums.Add(key, messages, 1);
        _topicPutSize.Add(key, bytes, 1);
        _brokerPutNums.Add(_brokerKey, messages, 1);
    }

    /// <summary>A pull that found <paramref name="messages"/> messages of <paramref name="bytes"/>.</summary>
    public void OnGet(string group, string topic, int messages, long bytes)
    {
        var key = new StatsKey(topic, group);
        _groupGetNums.Add(key, messages, 1);
        _groupGetSize.Add(key, bytes, 1);
        _brokerGetNums.Add(_brokerKey, messages, 1);
    }

    public void OnSendBack(string group, string topic) => _sendBackPutNums.Add(new StatsKey(topic, group), 1, 1);

    /// <summary>The item VIEW_BROKER_STATS_DATA asks for; null when the name is unknown or nothing was counted.</summary>
    public StatsItem? Find(string statsName, string statsKey)
        => _sets.TryGetValue(statsName, out var set) ? set.Find(StatsKey.Parse(statsKey)) : null;

    /// <summary>Messages per second a group pulled from a topic over the last minute.</summary>
    public double GroupGetTps(string group, string topic) => _groupGetNums.MinuteTps(new StatsKey(topic, group));

    public void OnTopicDeleted(string topic)
    {
        foreach (var set in _sets.Values)
        {
            if (set != _brokerPutNums && set != _brokerGetNums)
            {
                set.RemoveWhere(k => k.Primary == topic);
            }
        }
    }

    public void OnGroupDeleted(string group)
    {
        _groupGetNums.RemoveWhere(k => k.Secondary == group);
        _groupGetSize.RemoveWhere(k => k.Secondary == group);
        _sendBackPutNums.RemoveWhere(k => k.Secondary == group);
    }

    public void SampleSeconds(long nowMillis)
    {
        foreach (var set in _sets.Values)
        {
            set.SampleSeconds(nowMillis);
        }
    }

    public void SampleMinutes(long nowMillis)
    {
        foreach (var set in _sets.Values)
        {
            set.SampleMinutes(nowMillis);
        }
    }

    public void SampleHour(long nowMillis)
    {
        foreach (var set in _sets.Values)
        {
            set.SampleHour(nowMillis);
        }
    }
}
