namespace Rmq.E2E.Support;

/// <summary>A temporary folder for one test, deleted with it.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "rmq-e2e")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still hold a log file for a moment; the OS temp cleaner takes the rest
        }
    }
}
