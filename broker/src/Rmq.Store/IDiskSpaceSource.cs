namespace Rmq.Store;

/// <summary>Where the store learns how full its disk is (injectable for tests).</summary>
public interface IDiskSpaceSource
{
    /// <summary>Used fraction (0..1) of the file system holding <paramref name="path"/>; -1 when unknown.</summary>
    double GetUsedRatio(string path);
}
