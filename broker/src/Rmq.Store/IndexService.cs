using System.Globalization;
using Serilog;

namespace Rmq.Store;

/// <summary>
/// Builds and searches the message index: keys <c>topic#KEY</c> for each KEYS token and <c>topic#UNIQ_KEY</c>.
/// A new file starts when the current one is full; files are named by creation time <c>yyyyMMddHHmmssSSS</c>.
/// </summary>
internal sealed class IndexService
{
    private readonly MessageStoreOptions _options;
    private readonly StoreCheckpoint _checkpoint;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _lock = new();
    private IndexFile[] _files = [];

    public IndexService(MessageStoreOptions options, StoreCheckpoint checkpoint, TimeProvider time, ILogger log)
    {
        _options = options;
        _checkpoint = checkpoint;
        _time = time;
        _log = log;
    }

    public IReadOnlyList<IndexFile> Files => Volatile.Read(ref _files);

    /// <summary>Opens existing index files.</summary>
    public void Load()
    {
        var dir = _options.IndexPath;
        Directory.CreateDirectory(dir);
        var files = Directory.GetFiles(dir).Order(StringComparer.Ordinal)
            .Select(path => new IndexFile(path, _options.MaxHashSlotNum, _options.MaxIndexNum))
            .ToArray();
        Volatile.Write(ref _files, files);
    }

    /// <summary>
    /// After the commit log was cut at <paramref name="maxPhyOffset"/>: deletes index files that indexed records at or
    /// beyond it. Returns the commit-log offset from which indexing must be redone (long.MaxValue when nothing is missing).
    /// </summary>
    public long TruncateBeyond(long maxPhyOffset)
    {
        var redoFrom = long.MaxValue;
        lock (_lock)
        {
            var files = _files.ToList();
            while (files is [.., var last] && last.IndexCount > 1 && last.EndPhyOffset >= maxPhyOffset)
            {
                _log.Warning("Index file {Path} indexes records beyond the commit log end {Max}; deleting it to rebuild", last.File.FilePath, maxPhyOffset);
                redoFrom = Math.Min(redoFrom, last.BeginPhyOffset);
                last.File.Destroy(delete: true);
                files.RemoveAt(files.Count - 1);
            }

            Volatile.Write(ref _files, files.ToArray());
        }

        return redoFrom;
    }

    /// <summary>Where indexing resumes: the record after the last one indexed (0 when nothing is indexed).</summary>
    public long IndexedUpTo => Files is [.., var last] && last.IndexCount > 1 ? last.EndPhyOffset : 0;

    /// <summary>Indexes a dispatched record (not ROLLBACK; keys from KEYS and UNIQ_KEY).</summary>
    public void BuildIndex(ref readonly DispatchRequest request)
    {
        if (MessageSysFlag.GetTransactionValue(request.SysFlag) == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE
            || (request.Keys.IsEmpty && request.UniqKey.IsEmpty))
        {
            return;
        }

        var file = GetWritableFile();
        if (file is null || (file.IndexCount > 1 && request.CommitLogOffset <= file.EndPhyOffset))
        {
            return; // Already indexed (re-dispatch after recovery).
        }

        var topicHash = JavaHash.Continue(JavaHash.HashCodeUtf8(request.Topic), "#");
        if (!request.UniqKey.IsEmpty)
        {
            file = PutKey(file, JavaHash.ContinueUtf8(topicHash, request.UniqKey), in request);
        }

        var keys = request.Keys;
        while (!keys.IsEmpty && file is not null)
        {
            var space = keys.IndexOf((byte)' ');
            var token = space < 0 ? keys : keys[..space];
            if (!token.IsEmpty)
            {
                file = PutKey(file, JavaHash.ContinueUtf8(topicHash, token), in request);
            }

            keys = space < 0 ? default : keys[(space + 1)..];
        }
    }

    /// <summary>Commit-log offsets of messages stored under <c>topic#key</c> within [begin, end], newest files first.</summary>
    public List<long> QueryOffsets(string topic, string key, int maxNum, long begin, long end)
    {
        var result = new List<long>();
        var hash = JavaHash.HashCode(topic + "#" + key);
        var files = Files;
        for (var i = files.Count - 1; i >= 0 && result.Count < maxNum; i--)
        {
            var file = files[i];
            if (!file.File.TryHold())
            {
                continue; // being deleted
            }

            try
            {
                if (file.IsTimeMatched(begin, end))
                {
                    file.SelectPhyOffset(result, hash, maxNum, begin, end);
                }

                if (file.BeginTimestamp < begin)
                {
                    break;
                }
            }
            finally
            {
                file.File.Release();
            }
        }

        return result;
    }

    public long LastUpdateTimestamp => ReadLast(static f => f.EndTimestamp);

    public long LastUpdatePhyOffset => ReadLast(static f => f.EndPhyOffset);

    private long ReadLast(Func<IndexFile, long> read)
    {
        if (Files is not [.., var last] || !last.File.TryHold())
        {
            return 0;
        }

        try
        {
            return read(last);
        }
        finally
        {
            last.File.Release();
        }
    }

    /// <summary>Deletes index files whose entries all point below <paramref name="minPhyOffset"/> (never the newest).</summary>
    public int DeleteExpiredFiles(long minPhyOffset)
    {
        List<IndexFile> expired;
        lock (_lock)
        {
            var files = _files;
            expired = files.Take(Math.Max(0, files.Length - 1)).TakeWhile(f => f.EndPhyOffset < minPhyOffset).ToList();
            if (expired.Count == 0)
            {
                return 0;
            }

            Volatile.Write(ref _files, files.Except(expired).ToArray());
        }

        foreach (var file in expired)
        {
            file.File.Destroy(delete: true);
            _log.Information("Deleted index file {Path}", file.File.FilePath);
        }

        return expired.Count;
    }

    public void Flush()
    {
        var files = Files;
        if (files.Count == 0)
        {
            return;
        }

        var last = files[^1];
        var timestamp = last.EndTimestamp;
        last.Flush();
        if (timestamp > 0)
        {
            _checkpoint.IndexMsgTimestamp = timestamp;
        }
    }

    public void Shutdown()
    {
        Flush();
        lock (_lock)
        {
            foreach (var file in _files)
            {
                file.File.Destroy(delete: false);
            }

            Volatile.Write(ref _files, []);
        }
    }

    private IndexFile? PutKey(IndexFile file, int hash, ref readonly DispatchRequest request)
    {
        while (!file.PutKey(hash, request.CommitLogOffset, request.StoreTimestamp))
        {
            var next = GetWritableFile();
            if (next is null || next == file)
            {
                return null;
            }

            file = next;
        }

        return file;
    }

    private IndexFile? GetWritableFile()
    {
        var files = Files;
        if (files is [.., var last] && !last.IsFull)
        {
            return last;
        }

        lock (_lock)
        {
            var previous = _files.LastOrDefault();
            var name = _time.GetLocalNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var path = Path.Combine(_options.IndexPath, name);
            while (File.Exists(path))
            {
                path += "0";
            }

            try
            {
                var file = new IndexFile(path, _options.MaxHashSlotNum, _options.MaxIndexNum);
                if (previous is not null)
                {
                    previous.Flush();
                    _checkpoint.IndexMsgTimestamp = previous.EndTimestamp;
                }

                Volatile.Write(ref _files, [.. _files, file]);
                return file;
            }
            catch (IOException e)
            {
                _log.Error(e, "Could not create index file {Path}", path);
                return null;
            }
        }
    }
}
