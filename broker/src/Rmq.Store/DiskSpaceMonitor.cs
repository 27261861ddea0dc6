using Serilog;

namespace Rmq.Store;

/// <summary>
/// Tracks commit-log disk usage against RocketMQ's thresholds: above <c>diskSpaceWarningLevelRatio</c> writes are
/// refused (DISK_FULL) until usage drops again; above <c>diskSpaceCleanForciblyRatio</c> cleaning is immediate.
/// </summary>
internal sealed class DiskSpaceMonitor
{
    private const long RecheckWhileFullMillis = 100;
    private readonly MessageStoreOptions _options;
    private readonly IDiskSpaceSource _source;
    private readonly ILogger _log;
    private volatile bool _full;
    private long _lastCheckTicks;

    public DiskSpaceMonitor(MessageStoreOptions options, IDiskSpaceSource source, ILogger log)
    {
        _options = options;
        _source = source;
        _log = log;
    }

    public double LastRatio { get; private set; }

    /// <summary>True when cleaning should not wait for the deleteWhen hour nor for expiry.</summary>
    public bool CleanImmediately { get; private set; }

    /// <summary>Whether writes are refused now; while refused, re-checks the disk at most every 100 ms.</summary>
    public bool IsWriteRefused
    {
        get
        {
            if (_full && Environment.TickCount64 - Interlocked.Read(ref _lastCheckTicks) >= RecheckWhileFullMillis)
            {
                Check();
            }

            return _full;
        }
    }

    /// <summary>Reads the disk usage and updates the flags; returns the used ratio.</summary>
    public double Check()
    {
        Interlocked.Exchange(ref _lastCheckTicks, Environment.TickCount64);
        var ratio = _source.GetUsedRatio(_options.CommitLogPath);
        LastRatio = ratio;
        if (ratio < 0)
        {
            return ratio;
        }

        if (ratio > _options.DiskSpaceWarningLevelRatio)
        {
            if (!_full)
            {
                _log.Error("Commit log disk usage {Ratio:P1} is above {Limit:P0}: refusing new messages (DISK_FULL)", ratio, _options.DiskSpaceWarningLevelRatio);
            }

            _full = true;
            CleanImmediately = true;
        }
        else
        {
            if (_full)
            {
                _log.Warning("Commit log disk usage back to {Ratio:P1}: accepting messages again", ratio);
            }

            _full = false;
            CleanImmediately = ratio > _options.DiskSpaceCleanForciblyRatio;
        }

        return ratio;
    }
}
