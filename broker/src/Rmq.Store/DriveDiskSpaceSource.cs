namespace Rmq.Store;

/// <summary>
/// Disk usage from <see cref="DriveInfo"/> (statvfs on Unix) of the store path, computed as RocketMQ's
/// <c>UtilAll.getDiskPartitionSpaceUsedPercent</c>: (total - free) / total with Java's <c>File.getFreeSpace</c>, i.e.
/// every unallocated block (f_bfree), not only those usable without privileges (f_bavail). On file systems with a
/// large reserve or a quota the two differ widely; the thresholds (75/85/90%) are RocketMQ's and meant for the former.
/// </summary>
public sealed class DriveDiskSpaceSource : IDiskSpaceSource
{
    public static DriveDiskSpaceSource Instance { get; } = new();

    public double GetUsedRatio(string path)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(path));
            var total = drive.TotalSize;
            return total <= 0 ? -1 : (double)(total - drive.TotalFreeSpace) / total;
        }
        catch (IOException)
        {
            return -1;
        }
        catch (ArgumentException)
        {
            return -1;
        }
    }
}
