namespace Rmq.Broker.Tests.Support;

/// <summary>A temp directory removed at dispose.</summary>
public sealed class TestDir : IDisposable
{
    public TestDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rmq-broker-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still mapped by a failed test; the OS temp cleaner gets it
        }
    }
}
