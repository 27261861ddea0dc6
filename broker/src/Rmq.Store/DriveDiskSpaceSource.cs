namespace Rmq.Store;

/// <summary>Disk usage from <see cref="DriveInfo"/> (statvfs on Unix) of the store path.</summary>
public sealed class DriveDiskSpaceSource : IDiskSpaceSource
{
    public static DriveDiskSpaceSource Instance { get; } = new();

    public double GetUsedRatio(string path)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(path));
            var total = drive.TotalSize;
            return total <= 0 ? -1 : (double)(total - drive.AvailableFreeSpace) / total;
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
