using System.Globalization;
using Serilog;

namespace Rmq.Store;

/// <summary>
/// Retention: deletes commit-log files older than <c>fileReservedTime</c> at the <c>deleteWhen</c> hour(s), or at
/// any hour when the disk is above <c>diskMaxUsedSpaceRatio</c>; above the forced ratio even unexpired files go.
/// Then drops consume-queue and index files wholly below the commit log's min offset.
/// </summary>
internal sealed class CleanService
{
    private const int DeleteFilesBatchMax = 10;
    private readonly CommitLog _commitLog;
    private readonly ConsumeQueueTable _queues;
    private readonly IndexService? _index;
    private readonly DiskSpaceMonitor _disk;
    private readonly MessageStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Task? _loop;

    public CleanService(CommitLog commitLog, ConsumeQueueTable queues, IndexService? index, DiskSpaceMonitor disk, MessageStoreOptions options, TimeProvider time, ILogger log)
    {
        _commitLog = commitLog;
        _queues = queues;
        _index = index;
        _disk = disk;
        _options = options;
        _time = time;
        _log = log;
    }

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    /// <summary>One retention round as the periodic timer runs it; returns commit-log files deleted.</summary>
    public int RunOnce()
    {
        lock (_lock)
        {
            var deleted = DeleteExpiredCommitLog(manual: false);
            CleanExpiredConsumeQueues();
            return deleted;
        }
    }

    /// <summary>Deletes expired commit-log files now, whatever the hour (admin deleteExpiredCommitLog).</summary>
    public int DeleteExpiredCommitLogNow()
    {
        lock (_lock)
        {
            return DeleteExpiredCommitLog(manual: true);
        }
    }

    /// <summary>Deletes consume-queue and index files below the commit log's min offset; returns how many.</summary>
    public int CleanExpiredConsumeQueues()
    {
        var minPhy = _commitLog.MinOffset;
        var deleted = _queues.DeleteExpiredFiles(minPhy);
        deleted += _index?.DeleteExpiredFiles(minPhy) ?? 0;
        return deleted;
    }

    private int DeleteExpiredCommitLog(bool manual)
    {
        var now = _time.GetLocalNow();
        var timeUp = IsTimeToDelete(now.Hour);
        var ratio = _disk.Check();
        var spaceFull = ratio > _options.DiskMaxUsedSpaceRatio / 100.0;
        if (!timeUp && !spaceFull && !manual)
        {
            return 0;
        }

        var cleanAtOnce = _options.CleanFileForciblyEnable && _disk.CleanImmediately;
        var reservedMillis = _options.FileReservedTime * 3_600_000L;
        var nowMillis = now.ToUnixTimeMilliseconds();
        var deleted = _commitLog.Queue.DeleteFirstFilesWhere(
            file => cleanAtOnce || new DateTimeOffset(File.GetLastWriteTimeUtc(file.FilePath)).ToUnixTimeMilliseconds() + reservedMillis <= nowMillis,
            DeleteFilesBatchMax);
        if (deleted > 0)
        {
            _log.Information(
                "Deleted {Count} expired commit log files (timeUp {TimeUp}, disk {Ratio:P1}, forced {Forced}, manual {Manual})",
                deleted, timeUp, ratio, cleanAtOnce, manual);
        }

        return deleted;
    }

    private bool IsTimeToDelete(int hour)
    {
        foreach (var token in _options.DeleteWhen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h == hour)
            {
                return true;
            }
        }

        return false;
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_options.CleanResourceInterval), _time, cancellationToken).ConfigureAwait(false);
                RunOnce();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (IOException e)
            {
                _log.Error(e, "Retention round failed");
            }
        }
    }
}
