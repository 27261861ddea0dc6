using System.Buffers;
using Serilog;

namespace Rmq.Store;

/// <summary>
/// The message store (RocketMQ <c>DefaultMessageStore</c>), composed of the commit log, consume queues, index,
/// flush, dispatch, retention, checkpoint and recovery. Start with <see cref="StartAsync"/>; dispose to stop cleanly.
/// </summary>
public sealed class MessageStore : IAsyncDisposable
{
    private readonly MessageStoreOptions _options;
    private readonly MessageStoreServices _services;
    private readonly ILogger _log;
    private readonly DiskSpaceMonitor _disk;
    private readonly CommitLog _commitLog;
    private readonly ConsumeQueueTable _queues;
    private readonly IndexService? _index;
    private readonly StoreCheckpoint _checkpoint;
    private readonly ReputMessageService _reput;
    private readonly CommitLogFlushService _flush;
    private readonly ConsumeQueueFlushService _cqFlush;
    private readonly CleanService _clean;
    private readonly GetMessageService _reader;
    private FileStream? _lockFile;
    private volatile bool _running;
    private int _disposed;

    public MessageStore(MessageStoreOptions options, MessageStoreServices? services = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _services = services ?? new MessageStoreServices();
        _log = _services.Logger.ForContext<MessageStore>();
        var time = _services.TimeProvider;
        Directory.CreateDirectory(options.StorePathRootDir);
        _disk = new DiskSpaceMonitor(options, _services.DiskSpaceSource, _log);
        _commitLog = new CommitLog(options, time, _disk, _log);
        _queues = new ConsumeQueueTable(options, _log);
        _checkpoint = new StoreCheckpoint(Path.Combine(options.StorePathRootDir, "checkpoint"));
        _index = options.MessageIndexEnable ? new IndexService(options, _checkpoint, time, _log) : null;
        _reput = new ReputMessageService(_commitLog, _queues, _index, _checkpoint, options, time, _log) { ArrivingListener = _services.ArrivingListener };
        _flush = new CommitLogFlushService(_commitLog, _checkpoint, options, time, _log) { BeforeFlush = _services.BeforeCommitLogFlush };
        _cqFlush = new ConsumeQueueFlushService(_queues, _checkpoint, options, time, _log);
        _clean = new CleanService(_commitLog, _queues, _index, _disk, options, time, _log);
        _reader = new GetMessageService(_commitLog, _queues, options, _services.TotalPhysicalMemoryBytes);
    }

    public MessageStoreOptions Options => _options;

    public StoreCheckpoint Checkpoint => _checkpoint;

    /// <summary>True when the previous run did not stop cleanly (the abort file was present at start).</summary>
    public bool RecoveredFromCrash { get; private set; }

    private string AbortFile => Path.Combine(_options.StorePathRootDir, "abort");

    /// <summary>Locks the store directory, recovers, and starts the background services.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _lockFile = new FileStream(Path.Combine(_options.StorePathRootDir, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var lastExitOk = !File.Exists(AbortFile);
        RecoveredFromCrash = !lastExitOk;
        new StoreRecovery(_commitLog, _queues, _index, _reput, _checkpoint, _options, _log).Recover(lastExitOk);
        File.WriteAllBytes(AbortFile, []);
        _disk.Check();
        _flush.Start();
        _cqFlush.Start();
        _reput.Start();
        _clean.Start();
        _running = true;
        return Task.CompletedTask;
    }

    /// <summary>Appends one message; with SYNC_FLUSH completes when its bytes are on disk (or FLUSH_DISK_TIMEOUT).</summary>
    public ValueTask<PutMessageResult> PutMessageAsync(MessageToStore msg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(msg);
        var refused = CheckWritable();
        if (refused is { } status)
        {
            return new ValueTask<PutMessageResult>(new PutMessageResult(status));
        }

        return Complete(_commitLog.Append(msg), msg.WaitStoreMsgOk, cancellationToken);
    }

    /// <summary>Appends a batch of one topic-queue as consecutive records with consecutive queue offsets.</summary>
    public ValueTask<PutMessageResult> PutMessagesAsync(IReadOnlyList<MessageToStore> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var refused = CheckWritable();
        if (refused is { } status)
        {
            return new ValueTask<PutMessageResult>(new PutMessageResult(status));
        }

        return Complete(_commitLog.AppendBatch(batch), batch.Count > 0 && batch[0].WaitStoreMsgOk, cancellationToken);
    }

    /// <summary>Pulls up to <paramref name="maxMsgNums"/> messages from a queue offset (PULL_MESSAGE).</summary>
    public GetMessageResult GetMessage(string group, string topic, int queueId, long offset, int maxMsgNums, IMessageFilter? filter = null)
        => _reader.GetMessage(topic, queueId, offset, maxMsgNums, filter);

    public long GetMaxOffsetInQueue(string topic, int queueId) => _queues.Find(topic, queueId)?.MaxOffsetInQueue ?? 0;

    public long GetMinOffsetInQueue(string topic, int queueId) => _queues.Find(topic, queueId)?.MinOffsetInQueue ?? 0;

    public long GetOffsetInQueueByTime(string topic, int queueId, long timestamp) => _reader.GetOffsetInQueueByTime(topic, queueId, timestamp);

    /// <summary>Store time of the message at a queue offset; -1 when absent.</summary>
    public long GetMessageStoreTimeStamp(string topic, int queueId, long queueOffset)
        => _queues.Find(topic, queueId) is { } cq ? _reader.StoreTimeAt(cq, queueOffset) : -1;

    /// <summary>Store time of the earliest message still in a queue; -1 when none.</summary>
    public long GetEarliestMessageTime(string topic, int queueId)
        => _queues.Find(topic, queueId) is { } cq ? _reader.StoreTimeAt(cq, cq.MinOffsetInQueue) : -1;

    /// <summary>Commit-log offset of the message at a queue offset; -1 when absent.</summary>
    public long GetCommitLogOffsetInQueue(string topic, int queueId, long queueOffset)
        => _queues.Find(topic, queueId) is { } cq && cq.TryGetUnit(queueOffset, out var phy, out _, out _) ? phy : -1;

    /// <summary>Topics that have consume queues in the store (admin cleanUnusedTopic compares them with the topic table).</summary>
    public IReadOnlyList<string> ConsumeQueueTopics => _queues.Topics.ToList();

    /// <summary>Whether a consume queue exists, with its index range (admin queryCq); false when it does not.</summary>
    public bool TryGetConsumeQueueRange(string topic, int queueId, out long minIndex, out long maxIndex)
    {
        var cq = _queues.Find(topic, queueId);
        minIndex = cq?.MinOffsetInQueue ?? 0;
        maxIndex = cq?.MaxOffsetInQueue ?? 0;
        return cq is not null;
    }

    /// <summary>The 20-byte consume-queue unit at <paramref name="index"/> (admin queryCq); false when absent.</summary>
    public bool TryGetConsumeQueueUnit(string topic, int queueId, long index, out long phyOffset, out int size, out long tagsCode)
    {
        phyOffset = 0;
        size = 0;
        tagsCode = 0;
        return _queues.Find(topic, queueId) is { } cq && cq.TryGetUnit(index, out phyOffset, out size, out tagsCode);
    }

    /// <summary>The raw record at a commit-log offset; null when absent or when no record starts there.</summary>
    public byte[]? GetMessageRecord(long commitLogOffset)
    {
        Span<byte> head = stackalloc byte[8];
        if (commitLogOffset < 0 || !_commitLog.TryRead(commitLogOffset, head))
        {
            return null;
        }

        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head);
        var magic = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head[4..]);
        if (magic != MessageRecord.MessageMagicCode || length < MessageRecord.FixedLengthIPv4 || length > _commitLog.FileSize)
        {
            return null;
        }

        using var record = _commitLog.GetMessage(commitLogOffset, length);
        return record is not null && MessageRecord.Check(record.Span, commitLogOffset, checkCrc: false, out _) == RecordCheckResult.Message
            ? record.Span.ToArray()
            : null;
    }

    /// <summary>Decodes the message at a commit-log offset (VIEW_MESSAGE_BY_ID); null when absent.</summary>
    public StoredMessage? LookMessageByOffset(long commitLogOffset)
        => GetMessageRecord(commitLogOffset) is { } record ? StoredMessage.Decode(record) : null;

    /// <summary>Decodes the message an offset message id points at; null when malformed or absent.</summary>
    public StoredMessage? LookMessageByMsgId(string msgId)
        => OffsetMessageId.TryDecode(msgId, out _, out var offset) ? LookMessageByOffset(offset) : null;

    /// <summary>Messages stored under <c>topic#key</c> between <paramref name="begin"/> and <paramref name="end"/> (ms), newest first.</summary>
    public QueryMessageResult QueryMessage(string topic, string key, int maxNum, long begin, long end)
    {
        var messages = new List<StoredMessage>();
        var body = new ArrayBufferWriter<byte>();
        if (_index is not null)
        {
            var limit = Math.Min(maxNum, _options.DefaultQueryMaxNum * 2);
            foreach (var offset in _index.QueryOffsets(topic, key, Math.Max(1, limit), begin, end))
            {
                if (GetMessageRecord(offset) is not { } record)
                {
                    continue;
                }

                var message = StoredMessage.Decode(record);
                if (message.Topic == topic && (message.UniqKey == key || (message.Keys?.Split(' ').Contains(key) ?? false)))
                {
                    messages.Add(message);
                    body.Write(record);
                }
            }
        }

        return new QueryMessageResult
        {
            Messages = messages,
            Body = body.WrittenMemory,
            IndexLastUpdateTimestamp = _index?.LastUpdateTimestamp ?? 0,
            IndexLastUpdatePhyOffset = _index?.LastUpdatePhyOffset ?? 0,
        };
    }

    /// <summary>The message with this client id (UNIQ_KEY) in a topic; null when not indexed.</summary>
    public StoredMessage? QueryMessageByUniqKey(string topic, string uniqKey)
        => QueryMessage(topic, uniqKey, 32, 0, long.MaxValue).Messages.FirstOrDefault(m => m.UniqKey == uniqKey);

    /// <summary>Commit-log end offset (next byte to write).</summary>
    public long MaxPhyOffset => _commitLog.MaxOffset;

    public long MinPhyOffset => _commitLog.MinOffset;

    /// <summary>Commit-log offset known to be on disk.</summary>
    public long FlushedPhyOffset => _commitLog.FlushedOffset;

    public long ConfirmOffset
    {
        get => _commitLog.ConfirmOffset;
        set => _commitLog.ConfirmOffset = value;
    }

    /// <summary>Commit-log offset dispatched to consume queues and index.</summary>
    public long DispatchedPhyOffset => _reput.ReputFromOffset;

    public long DispatchBehindBytes => Math.Max(0, _commitLog.MaxOffset - _reput.ReputFromOffset);

    /// <summary>True while an append has held the put lock longer than <c>osPageCacheBusyTimeOutMills</c> (broker answers SYSTEM_BUSY).</summary>
    public bool IsOSPageCacheBusy => _commitLog.LockHeldMillis > _options.OsPageCacheBusyTimeOutMills;

    /// <summary>Flush rounds of the commit log so far (one msync per file touched each).</summary>
    public long CommitLogFlushCount => _flush.FlushCount;

    /// <summary>HA master: leases raw commit-log bytes from <paramref name="offset"/> to the end of its file's data.</summary>
    public SelectMappedBufferResult? GetCommitLogData(long offset) => _commitLog.GetData(offset);

    /// <summary>HA slave: appends replicated bytes at exactly <paramref name="startOffset"/> and dispatches them.</summary>
    public bool AppendRawData(long startOffset, ReadOnlySpan<byte> data)
    {
        if (!_running || !_commitLog.AppendRawData(startOffset, data))
        {
            return false;
        }

        _reput.Wakeup();
        _flush.Wakeup();
        return true;
    }

    /// <summary>Admin deleteExpiredCommitLog: deletes expired commit-log files now, whatever the hour; returns how many.</summary>
    public int DeleteExpiredFilesNow() => _clean.DeleteExpiredCommitLogNow();

    /// <summary>Admin cleanExpiredCQ: deletes consume-queue and index files below the commit log's min offset.</summary>
    public int CleanExpiredConsumeQueues() => _clean.CleanExpiredConsumeQueues();

    /// <summary>Runs one periodic retention round (as the 10 s timer does).</summary>
    public int RunRetention() => _clean.RunOnce();

    /// <summary>Re-reads disk usage; true when writes are refused.</summary>
    public bool CheckDiskSpace() => _disk.Check() > _options.DiskSpaceWarningLevelRatio;

    /// <summary>Drops the consume queues and offset counters of topics (topic deletion).</summary>
    public void DeleteTopics(IEnumerable<string> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        foreach (var topic in topics)
        {
            foreach (var cq in _queues.All.Where(q => q.Topic == topic).ToList())
            {
                _commitLog.RemoveQueueOffsetCounter(topic, cq.QueueId);
            }

            _queues.DestroyTopic(topic);
        }
    }

    /// <summary>Clean shutdown: dispatch and flush everything, write the checkpoint, remove the abort file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var wasRunning = _running;
        _running = false;
        _commitLog.Close();
        if (wasRunning)
        {
            await _clean.StopAsync().ConfigureAwait(false);
            await _reput.StopAsync().ConfigureAwait(false);
            await _flush.StopAsync().ConfigureAwait(false);
            await _cqFlush.StopAsync().ConfigureAwait(false);
        }

        if (wasRunning)
        {
            _index?.Shutdown();
            if (_commitLog.Queue.LastStoreTimestamp > 0)
            {
                _checkpoint.PhysicMsgTimestamp = _commitLog.Queue.LastStoreTimestamp;
            }

            _checkpoint.Flush();
        }

        _checkpoint.Dispose();
        _commitLog.Queue.Shutdown();
        _queues.Shutdown();
        if (wasRunning)
        {
            File.Delete(AbortFile);
        }

        if (_lockFile is not null)
        {
            await _lockFile.DisposeAsync().ConfigureAwait(false);
        }

        _log.Information("Message store stopped{Clean}", wasRunning ? " cleanly" : string.Empty);
    }

    private PutMessageStatus? CheckWritable()
    {
        if (!_running)
        {
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }

        if (_options.BrokerRole == BrokerRole.SLAVE)
        {
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }

        return _disk.IsWriteRefused ? PutMessageStatus.DISK_FULL : null;
    }

    private ValueTask<PutMessageResult> Complete(PutMessageResult result, bool waitStoreMsgOk, CancellationToken cancellationToken)
    {
        if (!result.IsOk)
        {
            return new ValueTask<PutMessageResult>(result);
        }

        _reput.Wakeup();
        var end = result.WroteOffset + result.WroteBytes;
        var syncFlush = _options.FlushDiskType == FlushDiskType.SYNC_FLUSH;
        var syncMaster = _options.BrokerRole == BrokerRole.SYNC_MASTER && waitStoreMsgOk;
        if (syncFlush && !waitStoreMsgOk)
        {
            _flush.Wakeup();
        }

        if ((!syncFlush || !waitStoreMsgOk) && !syncMaster)
        {
            return new ValueTask<PutMessageResult>(result);
        }

        return WaitAsync(result, end, syncFlush && waitStoreMsgOk, syncMaster, cancellationToken);
    }

    /// <summary>
    /// Waits for the flush and the slave ack at the same time (RocketMQ 4.x combines both futures): the flush is
    /// bounded by <c>syncFlushTimeout</c>, the slave wait by the replication waiter's own <c>slaveTimeout</c>. A
    /// replication failure (SLAVE_NOT_AVAILABLE, FLUSH_SLAVE_TIMEOUT) wins over FLUSH_DISK_TIMEOUT, as in 4.x.
    /// </summary>
    private async ValueTask<PutMessageResult> WaitAsync(PutMessageResult result, long end, bool waitFlush, bool waitSlave, CancellationToken cancellationToken)
    {
        var flushed = waitFlush ? _flush.RequestFlushAsync(end) : null;
        Task<bool>? replicated = null;
        var slaveAvailable = true;
        if (waitSlave)
        {
            var replication = _services.ReplicationWaiter;
            slaveAvailable = replication is not null && replication.IsSlaveOk(end);
            if (slaveAvailable)
            {
                replicated = replication!.WaitForSlaveAsync(end, cancellationToken);
            }
        }

        var flushOk = flushed is null || await WithCancellation(flushed, cancellationToken).ConfigureAwait(false);
        var slaveOk = replicated is null || await WithCancellation(replicated, cancellationToken).ConfigureAwait(false);
        if (!flushOk)
        {
            _log.Warning("Sync flush of offset {Offset} not done in {Timeout} ms", end, _options.SyncFlushTimeout);
        }

        if (!slaveAvailable)
        {
            return result.WithStatus(PutMessageStatus.SLAVE_NOT_AVAILABLE);
        }

        if (!slaveOk)
        {
            return result.WithStatus(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
        }

        return flushOk ? result : result.WithStatus(PutMessageStatus.FLUSH_DISK_TIMEOUT);
    }

    private static Task<bool> WithCancellation(Task<bool> task, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled && !task.IsCompleted ? task.WaitAsync(cancellationToken) : task;
}
