using System.Text;

namespace Rmq.Broker.Metadata;

/// <summary>
/// A JSON metadata file under <c>&lt;storePathRootDir&gt;/config</c>, written like RocketMQ's
/// <c>MixAll.string2File</c>: to <c>.tmp</c> first, the previous version kept as <c>.bak</c>, then renamed.
/// </summary>
internal sealed class ConfigFile(string path)
{
    public string Path { get; } = path;

    /// <summary>The file's text, else the <c>.bak</c> copy's, else null.</summary>
    public string? ReadText()
    {
        foreach (var candidate in new[] { Path, Path + ".bak" })
        {
            if (File.Exists(candidate))
            {
                var text = File.ReadAllText(candidate, Encoding.UTF8);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text;
                }
            }
        }

        return null;
    }

    public void Write(string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var tmp = Path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        if (File.Exists(Path))
        {
            File.Copy(Path, Path + ".bak", overwrite: true);
        }

        File.Move(tmp, Path, overwrite: true);
    }
}
