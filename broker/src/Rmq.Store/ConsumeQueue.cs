using System.Buffers.Binary;
using Serilog;

namespace Rmq.Store;

/// <summary>
/// The index of one topic-queue: 20-byte units [commit-log offset int64][size int32][tags code int64]
/// under <c>consumequeue/&lt;topic&gt;/&lt;queueId&gt;/</c> (store.md §6). Queue offset = byte position / 20.
/// </summary>
internal sealed class ConsumeQueue
{
    public const int CqStoreUnitSize = 20;
    private readonly ILogger _log;
    private long _maxPhysicOffset = -1;
    private long _minLogicOffset;

    public ConsumeQueue(string topic, int queueId, string rootPath, int fileSize, ILogger log)
    {
        Topic = topic;
        QueueId = queueId;
        _log = log;
        var directory = Path.Combine(rootPath, topic, queueId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Queue = new MappedFileQueue(directory, fileSize - (fileSize % CqStoreUnitSize), log);
    }

    public string Topic { get; }
    public int QueueId { get; }
    public MappedFileQueue Queue { get; }

    /// <summary>End (offset + size) of the last commit-log record indexed here; -1 when none.</summary>
    public long MaxPhysicOffset => Interlocked.Read(ref _maxPhysicOffset);

    /// <summary>Queue offset of the first valid unit.</summary>
    public long MinOffsetInQueue => Interlocked.Read(ref _minLogicOffset) / CqStoreUnitSize;

    /// <summary>Next queue offset to be written.</summary>
    public long MaxOffsetInQueue => Queue.MaxOffset / CqStoreUnitSize;

    public void Load() => Queue.Load();

    /// <summary>Finds the last valid unit (offset ≥ 0, size &gt; 0) of the last three files and truncates after it.</summary>
    public void Recover()
    {
        var files = Queue.Files;
        if (files.Count == 0)
        {
            return;
        }

        var index = Math.Max(0, files.Count - 3);
        var file = files[index];
        var processOffset = file.FileFromOffset;
        long maxPhysic = -1;
        while (true)
        {
            var span = file.GetSpan(0, file.FileSize);
            var position = 0;
            for (; position + CqStoreUnitSize <= file.FileSize; position += CqStoreUnitSize)
            {
                var offset = BinaryPrimitives.ReadInt64BigEndian(span[position..]);
                var size = BinaryPrimitives.ReadInt32BigEndian(span[(position + 8)..]);
                if (offset < 0 || size <= 0)
                {
                    break;
                }

                if (size != int.MaxValue)
                {
                    maxPhysic = offset + size;
                }
            }

            processOffset = file.FileFromOffset + position;
            if (position == file.FileSize && index + 1 < files.Count)
            {
                file = files[++index];
                continue;
            }

            break;
        }

        Interlocked.Exchange(ref _maxPhysicOffset, maxPhysic);
        Queue.FlushedWhere = processOffset;
        Queue.TruncateDirtyFiles(processOffset);
    }

    /// <summary>Removes units pointing at or beyond <paramref name="phyOffset"/> (commit log was cut there).</summary>
    public void TruncateDirtyLogicFiles(long phyOffset)
    {
        var files = Queue.Files;
        for (var i = files.Count - 1; i >= 0; i--)
        {
            var file = files[i];
            var span = file.GetSpan(0, file.WrotePosition);
            for (var position = 0; position + CqStoreUnitSize <= span.Length; position += CqStoreUnitSize)
            {
                var offset = BinaryPrimitives.ReadInt64BigEndian(span[position..]);
                var size = BinaryPrimitives.ReadInt32BigEndian(span[(position + 8)..]);
                if (size != int.MaxValue && offset >= phyOffset)
                {
                    Queue.TruncateDirtyFiles(file.FileFromOffset + position);
                    RecomputeMaxPhysicOffset();
                    return;
                }
            }
        }
    }

    /// <summary>Appends a unit at queue offset <paramref name="cqOffset"/>; duplicates (already indexed) are skipped.</summary>
    public bool PutMessagePositionInfo(long phyOffset, int size, long tagsCode, long cqOffset)
    {
        if (phyOffset + size <= MaxPhysicOffset)
        {
            return true;
        }

        var expected = cqOffset * CqStoreUnitSize;
        var file = Queue.GetLastMappedFile(expected);
        if (file is null)
        {
            _log.Error("Could not create consume queue file for {Topic}/{QueueId} at {Offset}", Topic, QueueId, cqOffset);
            return false;
        }

        if (file.WrotePosition == 0 && file.FileFromOffset != expected && Queue.Files.Count == 1)
        {
            // First file of a queue that starts mid-file (e.g. a slave or after deletion): pad with filler units.
            FillPreBlank(file, expected);
            Interlocked.Exchange(ref _minLogicOffset, expected);
        }

        var current = file.FileFromOffset + file.WrotePosition;
        if (expected < current)
        {
            return true;
        }

        if (expected > current)
        {
            _log.Warning("Consume queue {Topic}/{QueueId} gap: expected offset {Expected}, writing at {Current}", Topic, QueueId, expected / CqStoreUnitSize, current / CqStoreUnitSize);
            while (file.FileFromOffset + file.WrotePosition < expected)
            {
                if (file.IsFull)
                {
                    file = Queue.GetLastMappedFile(0);
                    if (file is null)
                    {
                        return false;
                    }

                    continue;
                }

                WriteUnit(file, 0, int.MaxValue, 0);
            }
        }

        WriteUnit(file, phyOffset, size, tagsCode);
        Interlocked.Exchange(ref _maxPhysicOffset, phyOffset + size);
        return true;
    }

    /// <summary>Leases the units from queue offset <paramref name="startIndex"/> to the end of its file's written data.</summary>
    public SelectMappedBufferResult? GetIndexBuffer(long startIndex)
    {
        var offset = startIndex * CqStoreUnitSize;
        if (offset < Interlocked.Read(ref _minLogicOffset))
        {
            return null;
        }

        var file = Queue.FindMappedFileByOffset(offset);
        if (file is null)
        {
            return null;
        }

        var position = (int)(offset % Queue.FileSize);
        var readable = file.WrotePosition;
        return position < readable ? SelectMappedBufferResult.TryCreate(file, position, readable - position) : null;
    }

    /// <summary>Reads one unit; false when absent.</summary>
    public bool TryGetUnit(long index, out long phyOffset, out int size, out long tagsCode)
    {
        phyOffset = 0;
        size = 0;
        tagsCode = 0;
        using var buffer = GetIndexBuffer(index);
        if (buffer is null || buffer.Size < CqStoreUnitSize)
        {
            return false;
        }

        var span = buffer.Span;
        phyOffset = BinaryPrimitives.ReadInt64BigEndian(span);
        size = BinaryPrimitives.ReadInt32BigEndian(span[8..]);
        tagsCode = BinaryPrimitives.ReadInt64BigEndian(span[12..]);
        return true;
    }

    /// <summary>Queue offset where the file after the one holding <paramref name="index"/> starts.</summary>
    public long RollNextFile(long index)
    {
        var unitsPerFile = Queue.FileSize / CqStoreUnitSize;
        return index + unitsPerFile - (index % unitsPerFile);
    }

    /// <summary>Deletes files whose every unit points below the commit log's <paramref name="minPhyOffset"/>; returns how many.</summary>
    public int DeleteExpiredFiles(long minPhyOffset)
    {
        var deleted = Queue.DeleteFirstFilesWhere(
            file =>
            {
                if (!file.IsFull || !file.TryHold())
                {
                    return false;
                }

                try
                {
                    var last = file.GetSpan(file.FileSize - CqStoreUnitSize, CqStoreUnitSize);
                    return BinaryPrimitives.ReadInt64BigEndian(last) + BinaryPrimitives.ReadInt32BigEndian(last[8..]) <= minPhyOffset;
                }
                finally
                {
                    file.Release();
                }
            },
            int.MaxValue);
        CorrectMinOffset(minPhyOffset);
        return deleted;
    }

    /// <summary>Moves the min offset to the first unit pointing at or beyond <paramref name="minPhyOffset"/>.</summary>
    public void CorrectMinOffset(long minPhyOffset)
    {
        var file = Queue.FirstFile;
        if (file is null || !file.TryHold())
        {
            return;
        }

        try
        {
            var current = Math.Max(Interlocked.Read(ref _minLogicOffset), file.FileFromOffset);
            var span = file.GetSpan(0, file.WrotePosition);
            for (var position = (int)(current - file.FileFromOffset); position + CqStoreUnitSize <= span.Length; position += CqStoreUnitSize)
            {
                var offset = BinaryPrimitives.ReadInt64BigEndian(span[position..]);
                var size = BinaryPrimitives.ReadInt32BigEndian(span[(position + 8)..]);
                if (size != int.MaxValue && offset >= minPhyOffset)
                {
                    Interlocked.Exchange(ref _minLogicOffset, file.FileFromOffset + position);
                    return;
                }
            }

            Interlocked.Exchange(ref _minLogicOffset, file.FileFromOffset + span.Length);
        }
        finally
        {
            file.Release();
        }
    }

    public void Flush(int leastPages) => Queue.Flush(leastPages);

    private static void WriteUnit(MappedFile file, long phyOffset, int size, long tagsCode)
    {
        var position = file.WrotePosition;
        var span = file.GetSpan(position, CqStoreUnitSize);
        BinaryPrimitives.WriteInt64BigEndian(span, phyOffset);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], size);
        BinaryPrimitives.WriteInt64BigEndian(span[12..], tagsCode);
        file.WrotePosition = position + CqStoreUnitSize;
    }

    private static void FillPreBlank(MappedFile file, long untilWhere)
    {
        while (file.FileFromOffset + file.WrotePosition < untilWhere)
        {
            WriteUnit(file, 0, int.MaxValue, 0);
        }
    }

    private void RecomputeMaxPhysicOffset()
    {
        long max = -1;
        var last = Queue.LastFile;
        if (last is not null && last.WrotePosition >= CqStoreUnitSize)
        {
            var span = last.GetSpan(last.WrotePosition - CqStoreUnitSize, CqStoreUnitSize);
            max = BinaryPrimitives.ReadInt64BigEndian(span) + BinaryPrimitives.ReadInt32BigEndian(span[8..]);
        }

        Interlocked.Exchange(ref _maxPhysicOffset, max);
    }
}
