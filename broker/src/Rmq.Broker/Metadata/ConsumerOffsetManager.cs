using System.Collections.Concurrent;
using Rmq.Broker.Config;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Broker.Metadata;

/// <summary>
/// Committed consume offsets per <c>topic@group</c> and queue (RocketMQ ConsumerOffsetManager), persisted in
/// <c>config/consumerOffset.json</c> by the host every flushConsumerOffsetInterval and on stop.
/// </summary>
public sealed class ConsumerOffsetManager
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, long>> _table = new(StringComparer.Ordinal);
    private readonly Lock _persistLock = new();
    private readonly ConfigFile _file;
    private readonly ILogger _log;

    public ConsumerOffsetManager(BrokerOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<ConsumerOffsetManager>();
        _file = new ConfigFile(Path.Combine(options.ConfigDirectory, "consumerOffset.json"));
    }

    public string FilePath => _file.Path;

    public void Load()
    {
        var text = _file.ReadText();
        if (text is null)
        {
            return;
        }

        var table = JsonBody.FromJson<ConsumerOffsetTable>(text);
        foreach (var (key, queues) in table.OffsetTable)
        {
            _table[key] = new ConcurrentDictionary<int, long>(queues);
        }

        _log.Information("Loaded consumer offsets of {Count} topic@group key(s)", table.OffsetTable.Count);
    }

    /// <summary>A slave's copy of its master's committed offsets (every key the master has is overwritten).</summary>
    public void CopyFromMaster(ConsumerOffsetTable master)
    {
        ArgumentNullException.ThrowIfNull(master);
        foreach (var (key, queues) in master.OffsetTable)
        {
            _table[key] = new ConcurrentDictionary<int, long>(queues);
        }

        Persist();
    }

    public void CommitOffset(string group, string topic, int queueId, long offset)
    {
        var queues = _table.GetOrAdd(ConsumerOffsetTable.Key(topic, group), _ => new ConcurrentDictionary<int, long>());
        queues[queueId] = offset;
    }

    /// <summary>The committed offset, or -1 when none.</summary>
    public long QueryOffset(string group, string topic, int queueId) =>
        _table.TryGetValue(ConsumerOffsetTable.Key(topic, group), out var queues) && queues.TryGetValue(queueId, out var offset) ? offset : -1;

    /// <summary>The groups with offsets for <paramref name="topic"/>.</summary>
    public IReadOnlyCollection<string> WhichGroupByTopic(string topic) =>
        _table.Keys.Select(k => k.Split(ConsumerOffsetTable.KeySeparator, 2))
            .Where(p => p.Length == 2 && p[0] == topic)
            .Select(p => p[1])
            .ToArray();

    /// <summary>The topics <paramref name="group"/> has offsets for.</summary>
    public IReadOnlyCollection<string> WhichTopicByConsumer(string group) =>
        _table.Keys.Select(k => k.Split(ConsumerOffsetTable.KeySeparator, 2))
            .Where(p => p.Length == 2 && p[1] == group)
            .Select(p => p[0])
            .ToArray();

    /// <summary>Copies <paramref name="srcGroup"/>'s offsets of a topic to <paramref name="destGroup"/> (CLONE_GROUP_OFFSET); nothing when the source has none.</summary>
    public void CloneOffset(string srcGroup, string destGroup, string topic)
    {
        if (_table.TryGetValue(ConsumerOffsetTable.Key(topic, srcGroup), out var offsets))
        {
            _table[ConsumerOffsetTable.Key(topic, destGroup)] = new ConcurrentDictionary<int, long>(offsets);
        }
    }

    public void RemoveTopic(string topic)
    {
        foreach (var key in _table.Keys.Where(k => k.StartsWith(topic + ConsumerOffsetTable.KeySeparator, StringComparison.Ordinal)))
        {
            _table.TryRemove(key, out _);
        }
    }

    public void RemoveGroup(string group)
    {
        foreach (var key in _table.Keys.Where(k => k.EndsWith(ConsumerOffsetTable.KeySeparator + group, StringComparison.Ordinal)))
        {
            _table.TryRemove(key, out _);
        }
    }

    public ConsumerOffsetTable Snapshot()
    {
        var table = new ConsumerOffsetTable();
        foreach (var (key, queues) in _table)
        {
            table.OffsetTable[key] = new SortedDictionary<int, long>(queues);
        }

        return table;
    }

    public void Persist()
    {
        lock (_persistLock)
        {
            _file.Write(Snapshot().ToJson(FjFormat.Pretty));
        }
    }
}
