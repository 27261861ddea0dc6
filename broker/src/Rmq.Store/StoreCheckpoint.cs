using System.Buffers.Binary;

namespace Rmq.Store;

/// <summary>
/// The 4 KiB <c>checkpoint</c> file: @0 physicMsgTimestamp, @8 logicsMsgTimestamp, @16 indexMsgTimestamp (store.md §8).
/// </summary>
public sealed class StoreCheckpoint : IDisposable
{
    public const int FileSize = 4096;
    private readonly MappedFile _file;
    private long _physic;
    private long _logics;
    private long _index;

    public StoreCheckpoint(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = MappedFile.Open(path, 0, FileSize);
        var span = _file.GetSpan(0, 24);
        _physic = BinaryPrimitives.ReadInt64BigEndian(span);
        _logics = BinaryPrimitives.ReadInt64BigEndian(span[8..]);
        _index = BinaryPrimitives.ReadInt64BigEndian(span[16..]);
    }

    public long PhysicMsgTimestamp
    {
        get => Interlocked.Read(ref _physic);
        set => Interlocked.Exchange(ref _physic, value);
    }

    public long LogicsMsgTimestamp
    {
        get => Interlocked.Read(ref _logics);
        set => Interlocked.Exchange(ref _logics, value);
    }

    public long IndexMsgTimestamp
    {
        get => Interlocked.Read(ref _index);
        set => Interlocked.Exchange(ref _index, value);
    }

    /// <summary>The time up to which everything is known flushed (RocketMQ subtracts 3 s for safety).</summary>
    public long MinTimestamp(bool includeIndex)
    {
        var min = Math.Min(PhysicMsgTimestamp, LogicsMsgTimestamp);
        if (includeIndex)
        {
            min = Math.Min(min, IndexMsgTimestamp);
        }

        return Math.Max(0, min - 3000);
    }

    /// <summary>Writes the three timestamps and msyncs the file.</summary>
    public void Flush()
    {
        lock (_file)
        {
            var span = _file.GetSpan(0, 24);
            BinaryPrimitives.WriteInt64BigEndian(span, PhysicMsgTimestamp);
            BinaryPrimitives.WriteInt64BigEndian(span[8..], LogicsMsgTimestamp);
            BinaryPrimitives.WriteInt64BigEndian(span[16..], IndexMsgTimestamp);
            _file.FlushedPosition = 0;
            _file.WrotePosition = FileSize;
            _file.Flush(0);
        }
    }

    /// <summary>Unmaps the file without writing (call <see cref="Flush"/> first to persist).</summary>
    public void Dispose() => _file.Destroy(delete: false);
}
