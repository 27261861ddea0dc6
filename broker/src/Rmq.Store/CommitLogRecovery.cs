using System.Buffers.Binary;
using Serilog;

namespace Rmq.Store;

/// <summary>
/// Finds the end of valid data in the commit log and cuts everything after it. After a clean stop the last three
/// files are verified; after a crash the scan starts at the newest file whose first record is older than the
/// checkpoint. Every record is checked (magic, sizes, offset, body CRC when <c>checkCRCOnRecover</c>).
/// </summary>
internal sealed class CommitLogRecovery
{
    private readonly CommitLog _commitLog;
    private readonly MessageStoreOptions _options;
    private readonly ILogger _log;

    public CommitLogRecovery(CommitLog commitLog, MessageStoreOptions options, ILogger log)
    {
        _commitLog = commitLog;
        _options = options;
        _log = log;
    }

    /// <summary>Recovers and returns the offset where the scan started (a safe point for re-dispatch).</summary>
    public long Recover(bool lastExitOk, StoreCheckpoint checkpoint)
    {
        var files = _commitLog.Queue.Files;
        if (files.Count == 0)
        {
            _commitLog.Queue.FlushedWhere = 0;
            return 0;
        }

        var startIndex = lastExitOk ? Math.Max(0, files.Count - 3) : FindSafeFile(files, checkpoint.MinTimestamp(includeIndex: false));
        var scanStart = files[startIndex].FileFromOffset;
        var end = Scan(files, startIndex, out var lastResult, out var count);
        if (lastResult is RecordCheckResult.Corrupt or RecordCheckResult.Incomplete || end < _commitLog.MaxOffset)
        {
            _log.Warning("Commit log recovery: {Count} records verified from {Start}; cutting at {End} ({Result}), was {Max}", count, scanStart, end, lastResult, _commitLog.MaxOffset);
        }
        else
        {
            _log.Information("Commit log recovery: {Count} records verified from {Start}; end {End}", count, scanStart, end);
        }

        _commitLog.Queue.TruncateDirtyFiles(end, thorough: !lastExitOk);
        _commitLog.Queue.FlushedWhere = end;
        foreach (var file in _commitLog.Queue.Files)
        {
            file.FlushedPosition = file.WrotePosition;
        }

        return scanStart;
    }

    private int FindSafeFile(IReadOnlyList<MappedFile> files, long minTimestamp)
    {
        for (var i = files.Count - 1; i >= 0; i--)
        {
            var head = files[i].GetSpan(0, MessageRecord.BornHostPos + 28);
            if (BinaryPrimitives.ReadInt32BigEndian(head[MessageRecord.MagicPos..]) != MessageRecord.MessageMagicCode)
            {
                continue;
            }

            var sysFlag = BinaryPrimitives.ReadInt32BigEndian(head[MessageRecord.SysFlagPos..]);
            var storeTimestamp = BinaryPrimitives.ReadInt64BigEndian(head[MessageRecord.StoreTimestampPos(sysFlag)..]);
            if (storeTimestamp != 0 && storeTimestamp <= minTimestamp)
            {
                return i;
            }
        }

        return 0;
    }

    private long Scan(IReadOnlyList<MappedFile> files, int index, out RecordCheckResult lastResult, out long count)
    {
        count = 0;
        var file = files[index];
        var position = 0;
        long lastStoreTimestamp = 0;
        while (true)
        {
            var offset = file.FileFromOffset + position;
            lastResult = MessageRecord.Check(file.GetSpan(position, file.FileSize - position), offset, _options.CheckCRCOnRecover, out var request);
            if (lastResult == RecordCheckResult.Message)
            {
                position += request.TotalSize;
                lastStoreTimestamp = request.StoreTimestamp;
                file.LastStoreTimestamp = lastStoreTimestamp;
                count++;
                continue;
            }

            if (lastResult == RecordCheckResult.Blank && index + 1 < files.Count)
            {
                file = files[++index];
                position = 0;
                continue;
            }

            if (lastResult == RecordCheckResult.Blank)
            {
                // The blank closed the last file; the next file was never created.
                return file.FileFromOffset + file.FileSize;
            }

            return offset;
        }
    }
}
