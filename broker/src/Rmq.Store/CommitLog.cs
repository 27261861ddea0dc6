using System.Text;
using Serilog;

namespace Rmq.Store;

/// <summary>
/// The commit log: every message of every topic appended in arrival order (v1 records, store.md §2).
/// Queue offsets are assigned here, under the put lock, from a per topic-queue counter table.
/// </summary>
internal sealed class CommitLog
{
    private readonly MessageStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly DiskSpaceMonitor _disk;
    private readonly ILogger _log;
    private readonly Lock _putLock = new();
    private readonly Dictionary<(string Topic, int QueueId), long> _topicQueueTable = [];
    private long _confirmOffset = -1;
    private long _beginTimeInLock;
    private bool _closed;

    public CommitLog(MessageStoreOptions options, TimeProvider time, DiskSpaceMonitor disk, ILogger log)
    {
        _options = options;
        _time = time;
        _disk = disk;
        _log = log;
        Queue = new MappedFileQueue(options.CommitLogPath, options.MappedFileSizeCommitLog, log);
    }

    public MappedFileQueue Queue { get; }

    public int FileSize => Queue.FileSize;

    public long MaxOffset => Queue.MaxOffset;

    /// <summary>Offset of the first byte still stored (start of the oldest file), 0 when empty.</summary>
    public long MinOffset
    {
        get
        {
            var first = Queue.FirstFile;
            return first is null ? 0 : first.IsAvailable ? first.FileFromOffset : RollNextFile(first.FileFromOffset);
        }
    }

    public long FlushedOffset => Queue.FlushedWhere;

    /// <summary>Offset confirmed for readers/replication; defaults to <see cref="MaxOffset"/> when never set.</summary>
    public long ConfirmOffset
    {
        get => Interlocked.Read(ref _confirmOffset) is var c && c >= 0 ? c : MaxOffset;
        set => Interlocked.Exchange(ref _confirmOffset, value);
    }

    public long RollNextFile(long offset) => offset + FileSize - (offset % FileSize);

    /// <summary>Milliseconds the current append has held the put lock (0 when none): RocketMQ's "OS page cache busy" signal.</summary>
    public long LockHeldMillis => Interlocked.Read(ref _beginTimeInLock) is var begin && begin != 0 ? Environment.TickCount64 - begin : 0;

    public PutMessageResult Append(MessageToStore msg)
    {
        if (!TryMeasure(msg, out var sysFlag, out var topicLength, out var propertiesLength, out var length, out var error))
        {
            return new PutMessageResult(error);
        }

        var crc = MessageRecord.BodyCrc(msg.Body.Span);
        var dispatchable = IsDispatchable(sysFlag);
        lock (_putLock)
        {
            using var timing = new LockTiming(this);
            if (_closed)
            {
                return new PutMessageResult(PutMessageStatus.SERVICE_NOT_AVAILABLE);
            }

            var storeTimestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var status = TryReserve(length, out var file, out var position);
            if (status != PutMessageStatus.PUT_OK)
            {
                return new PutMessageResult(status);
            }

            var physicalOffset = file!.FileFromOffset + position;
            var key = (msg.Topic, msg.QueueId);
            var queueOffset = dispatchable ? _topicQueueTable.GetValueOrDefault(key) : 0;
            MessageRecord.Write(file.GetSpan(position, length), msg, sysFlag, crc, queueOffset, physicalOffset, storeTimestamp, topicLength, propertiesLength);
            file.LastStoreTimestamp = storeTimestamp;
            file.WrotePosition = position + length;
            if (dispatchable)
            {
                _topicQueueTable[key] = queueOffset + 1;
            }

            return new PutMessageResult(PutMessageStatus.PUT_OK, physicalOffset, length, queueOffset, storeTimestamp, msg.StoreHost, 1, null);
        }
    }

    /// <summary>Appends several messages of one topic-queue as consecutive records in one file.</summary>
    public PutMessageResult AppendBatch(IReadOnlyList<MessageToStore> batch)
    {
        if (batch.Count == 0 || batch.Any(m => m.Topic != batch[0].Topic || m.QueueId != batch[0].QueueId))
        {
            return new PutMessageResult(PutMessageStatus.MESSAGE_ILLEGAL);
        }

        var layout = new (int SysFlag, int TopicLength, int PropertiesLength, int Length, int Crc)[batch.Count];
        var total = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (!TryMeasure(batch[i], out var sysFlag, out var topicLength, out var propertiesLength, out var length, out var error))
            {
                return new PutMessageResult(error);
            }

            layout[i] = (sysFlag, topicLength, propertiesLength, length, MessageRecord.BodyCrc(batch[i].Body.Span));
            total += length;
        }

        if (total > _options.MaxMessageSize || total + MessageRecord.EndFileMinBlankLength > FileSize)
        {
            return new PutMessageResult(PutMessageStatus.MESSAGE_ILLEGAL);
        }

        var offsets = new long[batch.Count];
        lock (_putLock)
        {
            using var timing = new LockTiming(this);
            if (_closed)
            {
                return new PutMessageResult(PutMessageStatus.SERVICE_NOT_AVAILABLE);
            }

            var storeTimestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var status = TryReserve(total, out var file, out var position);
            if (status != PutMessageStatus.PUT_OK)
            {
                return new PutMessageResult(status);
            }

            var key = (batch[0].Topic, batch[0].QueueId);
            var firstQueueOffset = _topicQueueTable.GetValueOrDefault(key);
            var queueOffset = firstQueueOffset;
            var pos = position;
            for (var i = 0; i < batch.Count; i++)
            {
                var (sysFlag, topicLength, propertiesLength, length, crc) = layout[i];
                var dispatchable = IsDispatchable(sysFlag);
                offsets[i] = file!.FileFromOffset + pos;
                MessageRecord.Write(file.GetSpan(pos, length), batch[i], sysFlag, crc, dispatchable ? queueOffset : 0, offsets[i], storeTimestamp, topicLength, propertiesLength);
                queueOffset += dispatchable ? 1 : 0;
                pos += length;
            }

            file!.LastStoreTimestamp = storeTimestamp;
            file.WrotePosition = pos;
            _topicQueueTable[key] = queueOffset;
            return new PutMessageResult(PutMessageStatus.PUT_OK, offsets[0], total, firstQueueOffset, storeTimestamp, batch[0].StoreHost, batch.Count, offsets);
        }
    }

    /// <summary>Slave side: appends replicated bytes at exactly <paramref name="startOffset"/>; false on an offset mismatch.</summary>
    public bool AppendRawData(long startOffset, ReadOnlySpan<byte> data)
    {
        lock (_putLock)
        {
            if (_closed)
            {
                return false;
            }

            if (Queue.LastFile is not null && startOffset != MaxOffset)
            {
                _log.Warning("Replicated data at {Offset} does not continue the commit log at {Max}", startOffset, MaxOffset);
                return false;
            }

            var offset = startOffset;
            while (!data.IsEmpty)
            {
                var file = Queue.GetLastMappedFile(offset);
                if (file is null)
                {
                    return false;
                }

                if (file.FileFromOffset + file.WrotePosition != offset)
                {
                    // An empty store joining mid-log starts its first file at the master's offset.
                    file.WrotePosition = (int)(offset - file.FileFromOffset);
                    file.FlushedPosition = file.WrotePosition;
                    Queue.FlushedWhere = offset;
                }

                var n = Math.Min(data.Length, FileSize - file.WrotePosition);
                data[..n].CopyTo(file.GetSpan(file.WrotePosition, n));
                file.WrotePosition += n;
                data = data[n..];
                offset += n;
            }

            return true;
        }
    }

    /// <summary>Refuses further appends; returns once no append is in progress (so files can be unmapped).</summary>
    public void Close()
    {
        lock (_putLock)
        {
            _closed = true;
        }
    }

    /// <summary>Readable bytes from <paramref name="offset"/> to the end of written data in its file.</summary>
    public SelectMappedBufferResult? GetData(long offset)
    {
        var file = Queue.FindMappedFileByOffset(offset, offset == 0);
        if (file is null)
        {
            return null;
        }

        var position = (int)(offset % FileSize);
        var readable = file.WrotePosition;
        return position < readable ? SelectMappedBufferResult.TryCreate(file, position, readable - position) : null;
    }

    /// <summary>Exactly [offset, offset+size) when written and still stored.</summary>
    public SelectMappedBufferResult? GetMessage(long offset, int size)
    {
        var file = Queue.FindMappedFileByOffset(offset);
        if (file is null || size <= 0)
        {
            return null;
        }

        var position = (int)(offset % FileSize);
        return (long)position + size <= file.WrotePosition ? SelectMappedBufferResult.TryCreate(file, position, size) : null;
    }

    /// <summary>Copies [offset, offset+destination.Length) into <paramref name="destination"/>; false when not readable.</summary>
    public bool TryRead(long offset, Span<byte> destination)
    {
        var file = Queue.FindMappedFileByOffset(offset);
        if (file is null)
        {
            return false;
        }

        var position = (int)(offset % FileSize);
        if (position + destination.Length > file.WrotePosition || !file.TryHold())
        {
            return false;
        }

        try
        {
            file.GetSpan(position, destination.Length).CopyTo(destination);
            return true;
        }
        finally
        {
            file.Release();
        }
    }

    public long PickupStoreTimestamp(long offset, int size)
    {
        Span<byte> head = stackalloc byte[MessageRecord.BornHostPos + 20 + 8];
        var need = Math.Min(head.Length, size);
        if (offset < MinOffset || !TryRead(offset, head[..need]))
        {
            return -1;
        }

        var sysFlag = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head[MessageRecord.SysFlagPos..]);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(head[MessageRecord.StoreTimestampPos(sysFlag)..]);
    }

    /// <summary>Replaces the queue-offset counters (recovery).</summary>
    public void SetTopicQueueTable(IEnumerable<KeyValuePair<(string Topic, int QueueId), long>> table)
    {
        lock (_putLock)
        {
            _topicQueueTable.Clear();
            foreach (var (key, value) in table)
            {
                _topicQueueTable[key] = value;
            }
        }
    }

    public long GetQueueOffsetCounter(string topic, int queueId)
    {
        lock (_putLock)
        {
            return _topicQueueTable.GetValueOrDefault((topic, queueId));
        }
    }

    public void RemoveQueueOffsetCounter(string topic, int queueId)
    {
        lock (_putLock)
        {
            _topicQueueTable.Remove((topic, queueId));
        }
    }

    internal static bool IsDispatchable(int sysFlag)
        => MessageSysFlag.GetTransactionValue(sysFlag) is MessageSysFlag.TRANSACTION_NOT_TYPE or MessageSysFlag.TRANSACTION_COMMIT_TYPE;

    private bool TryMeasure(MessageToStore msg, out int sysFlag, out int topicLength, out int propertiesLength, out int length, out PutMessageStatus error)
    {
        sysFlag = msg.SysFlag & ~(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        sysFlag |= msg.BornHost.IsIPv6 ? MessageSysFlag.BORNHOST_V6_FLAG : 0;
        sysFlag |= msg.StoreHost.IsIPv6 ? MessageSysFlag.STOREHOSTADDRESS_V6_FLAG : 0;
        topicLength = Encoding.UTF8.GetByteCount(msg.Topic);
        propertiesLength = Encoding.UTF8.GetByteCount(msg.PropertiesString);
        length = MessageRecord.CalcLength(msg.BornHost.EncodedLength, msg.StoreHost.EncodedLength, msg.Body.Length, topicLength, propertiesLength);
        error = PutMessageStatus.PUT_OK;
        if (topicLength is 0 or > MessageRecord.MaxTopicLength)
        {
            error = PutMessageStatus.MESSAGE_ILLEGAL;
        }
        else if (propertiesLength > MessageRecord.MaxPropertiesLength)
        {
            error = PutMessageStatus.PROPERTIES_SIZE_EXCEEDED;
        }
        else if (msg.Body.Length > _options.MaxMessageSize || length > _options.MaxMessageSize || length + MessageRecord.EndFileMinBlankLength > FileSize)
        {
            error = PutMessageStatus.MESSAGE_ILLEGAL;
        }

        return error == PutMessageStatus.PUT_OK;
    }

    /// <summary>Finds room for <paramref name="length"/> bytes, closing the current file with a blank record if needed. Put lock held.</summary>
    private PutMessageStatus TryReserve(int length, out MappedFile? file, out int position)
    {
        position = 0;
        file = Queue.LastFile;
        if (file is null || file.IsFull || file.WrotePosition + length + MessageRecord.EndFileMinBlankLength > FileSize)
        {
            if (_disk.Check() > _options.DiskSpaceWarningLevelRatio)
            {
                file = null;
                return PutMessageStatus.DISK_FULL;
            }

            if (file is not null && !file.IsFull)
            {
                var remaining = FileSize - file.WrotePosition;
                MessageRecord.WriteBlank(file.GetSpan(file.WrotePosition, MessageRecord.EndFileMinBlankLength), remaining);
                file.WrotePosition = FileSize;
            }

            file = Queue.GetLastMappedFile(0);
            if (file is null)
            {
                return PutMessageStatus.CREATE_MAPEDFILE_FAILED;
            }
        }

        position = file.WrotePosition;
        return PutMessageStatus.PUT_OK;
    }

    private readonly struct LockTiming : IDisposable
    {
        private readonly CommitLog _owner;

        public LockTiming(CommitLog owner)
        {
            _owner = owner;
            Interlocked.Exchange(ref owner._beginTimeInLock, Environment.TickCount64);
        }

        public void Dispose() => Interlocked.Exchange(ref _owner._beginTimeInLock, 0);
    }
}
