namespace Rmq.Store.Tests;

internal sealed class FakeDiskSpaceSource : IDiskSpaceSource
{
    public double Ratio { get; set; } = 0.10;

    public double GetUsedRatio(string path) => Ratio;
}
