using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Serilog;

namespace Rmq.Store;

/// <summary>All consume queues, by topic then queue id.</summary>
internal sealed class ConsumeQueueTable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, ConsumeQueue>> _table = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, ConsumeQueue>>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly MessageStoreOptions _options;
    private readonly ILogger _log;

    public ConsumeQueueTable(MessageStoreOptions options, ILogger log)
    {
        _options = options;
        _log = log;
        _bySpan = _table.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IEnumerable<ConsumeQueue> All => _table.Values.SelectMany(q => q.Values);

    public IEnumerable<string> Topics => _table.Keys;

    public ConsumeQueue? Find(string topic, int queueId)
        => _table.TryGetValue(topic, out var queues) && queues.TryGetValue(queueId, out var cq) ? cq : null;

    public ConsumeQueue FindOrCreate(string topic, int queueId)
    {
        var queues = _table.GetOrAdd(topic, static _ => new ConcurrentDictionary<int, ConsumeQueue>());
        return queues.GetOrAdd(queueId, id => Create(topic, id));
    }

    /// <summary>Looks a queue up by the UTF-8 topic of a record, allocating a topic string only on first sight.</summary>
    public ConsumeQueue FindOrCreate(ReadOnlySpan<byte> topicUtf8, int queueId)
    {
        Span<char> chars = stackalloc char[256];
        var n = Encoding.UTF8.GetChars(topicUtf8, chars);
        if (_bySpan.TryGetValue(chars[..n], out var queues) && queues.TryGetValue(queueId, out var cq))
        {
            return cq;
        }

        return FindOrCreate(new string(chars[..n]), queueId);
    }

    /// <summary>Maps every <c>consumequeue/&lt;topic&gt;/&lt;queueId&gt;</c> directory.</summary>
    public void Load()
    {
        var root = _options.ConsumeQueuePath;
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var topicDir in Directory.GetDirectories(root))
        {
            var topic = Path.GetFileName(topicDir);
            foreach (var queueDir in Directory.GetDirectories(topicDir))
            {
                if (int.TryParse(Path.GetFileName(queueDir), NumberStyles.None, CultureInfo.InvariantCulture, out var queueId))
                {
                    FindOrCreate(topic, queueId).Load();
                }
            }
        }
    }

    public void Recover()
    {
        foreach (var cq in All)
        {
            cq.Recover();
        }
    }

    /// <summary>Largest commit-log end offset indexed by any queue (where dispatch resumes after a clean stop).</summary>
    public long MaxPhysicOffset => All.Select(q => q.MaxPhysicOffset).DefaultIfEmpty(-1).Max();

    public void TruncateDirtyLogicFiles(long phyOffset)
    {
        foreach (var cq in All)
        {
            cq.TruncateDirtyLogicFiles(phyOffset);
        }
    }

    public void CorrectMinOffsets(long minPhyOffset)
    {
        foreach (var cq in All)
        {
            cq.CorrectMinOffset(minPhyOffset);
        }
    }

    public IEnumerable<KeyValuePair<(string Topic, int QueueId), long>> OffsetTable()
        => All.Select(q => KeyValuePair.Create((q.Topic, q.QueueId), q.MaxOffsetInQueue));

    public void Flush(int leastPages)
    {
        foreach (var cq in All)
        {
            cq.Flush(leastPages);
        }
    }

    public int DeleteExpiredFiles(long minPhyOffset)
    {
        var deleted = 0;
        foreach (var cq in All)
        {
            deleted += cq.DeleteExpiredFiles(minPhyOffset);
        }

        return deleted;
    }

    /// <summary>Drops a topic's queues and files (topic deletion).</summary>
    public void DestroyTopic(string topic)
    {
        if (_table.TryRemove(topic, out var queues))
        {
            foreach (var cq in queues.Values)
            {
                cq.Queue.Shutdown(delete: true);
            }

            var dir = Path.Combine(_options.ConsumeQueuePath, topic);
            if (Directory.Exists(dir) && !Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Any())
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    public void Shutdown()
    {
        foreach (var cq in All)
        {
            cq.Queue.Shutdown();
        }

        _table.Clear();
    }

    private ConsumeQueue Create(string topic, int queueId)
    {
        _log.Debug("Consume queue {Topic}/{QueueId} opened", topic, queueId);
        return new ConsumeQueue(topic, queueId, _options.ConsumeQueuePath, _options.MappedFileSizeConsumeQueue, _log);
    }
}
