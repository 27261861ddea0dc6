using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>
/// The local offset file of a BROADCASTING consumer (LocalFileOffsetStore.java):
/// <c>&lt;root&gt;/&lt;clientId&gt;/&lt;group&gt;/offsets.json</c>, root <c>~/.rocketmq_offsets</c> unless configured.
/// Written whole (to <c>offsets.json.tmp</c>, the previous file kept as <c>offsets.json.bak</c>, as MixAll.string2File
/// does); read back at start, falling back to the <c>.bak</c> copy when the file cannot be read.
/// </summary>
public sealed class BroadcastOffsetStore
{
    /// <summary>The default root, <c>~/.rocketmq_offsets</c>.</summary>
    public static string DefaultRoot => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".rocketmq_offsets");

    public BroadcastOffsetStore(string? root, string clientId, string consumerGroup)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        FilePath = Path.Combine(root ?? DefaultRoot, clientId, consumerGroup, "offsets.json");
    }

    /// <summary>The offsets file.</summary>
    public string FilePath { get; }

    /// <summary>The stored offsets; empty when there is no file yet.</summary>
    public IReadOnlyDictionary<MessageQueue, long> Load()
    {
        foreach (var path in new[] { FilePath, FilePath + ".bak" })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                return JsonBody.Decode<OffsetSerializeWrapper>(File.ReadAllBytes(path)).OffsetTable;
            }
            catch (Rmq.Remoting.Json.FjException) when (path == FilePath)
            {
                // a torn write: the .bak copy is the previous complete file
            }
        }

        return new Dictionary<MessageQueue, long>();
    }

    /// <summary>Writes <paramref name="offsets"/> as the whole file.</summary>
    public void Persist(IReadOnlyDictionary<MessageQueue, long> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        var wrapper = new OffsetSerializeWrapper();
        foreach (var (queue, offset) in offsets)
        {
            wrapper.OffsetTable[queue] = offset;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temp = FilePath + ".tmp";
        File.WriteAllBytes(temp, wrapper.Encode());
        if (File.Exists(FilePath))
        {
            File.Copy(FilePath, FilePath + ".bak", overwrite: true);
        }

        File.Move(temp, FilePath, overwrite: true);
    }
}
