using System.Text;
using Rmq.Client.Consumer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Tests;

/// <summary>The local offsets file of a BROADCASTING consumer: Java's path and OffsetSerializeWrapper JSON.</summary>
public sealed class BroadcastOffsetStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rmq-offsets-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Offsets_are_written_where_Java_keeps_them_as_an_offsetTable_keyed_by_queue_objects_and_read_back()
    {
        var store = new BroadcastOffsetStore(_root, "10.0.0.1@DEFAULT", "GID_B");
        Assert.Equal(Path.Combine(_root, "10.0.0.1@DEFAULT", "GID_B", "offsets.json"), store.FilePath);
        Assert.Empty(store.Load());

        store.Persist(new Dictionary<MessageQueue, long> { [new MessageQueue("T", "broker-a", 0)] = 12, [new MessageQueue("T", "broker-a", 1)] = 7 });

        var json = File.ReadAllText(store.FilePath, Encoding.UTF8);
        Assert.StartsWith("{\"offsetTable\":{{", json, StringComparison.Ordinal);
        Assert.Contains("\"brokerName\":\"broker-a\"", json, StringComparison.Ordinal);
        var loaded = store.Load();
        Assert.Equal(12, loaded[new MessageQueue("T", "broker-a", 0)]);
        Assert.Equal(7, loaded[new MessageQueue("T", "broker-a", 1)]);
    }

    [Fact]
    public void A_torn_offsets_file_falls_back_to_the_previous_copy()
    {
        var store = new BroadcastOffsetStore(_root, "c", "g");
        store.Persist(new Dictionary<MessageQueue, long> { [new MessageQueue("T", "b", 0)] = 1 });
        store.Persist(new Dictionary<MessageQueue, long> { [new MessageQueue("T", "b", 0)] = 2 });
        File.WriteAllText(store.FilePath, "{\"offsetTable\":{{\"bro");
        Assert.Equal(1, store.Load()[new MessageQueue("T", "b", 0)]);
    }

    [Fact]
    public void A_broadcasting_consumer_keeps_DEFAULT_in_its_client_id_so_a_restarted_process_finds_its_offsets()
    {
        var broadcasting = new PushConsumerOptions { ConsumerGroup = "g", ClientIp = "10.0.0.1", MessageModel = MessageModel.BROADCASTING };
        var clustering = broadcasting with { MessageModel = MessageModel.CLUSTERING };
        Assert.Equal("10.0.0.1@DEFAULT", broadcasting.BuildClientId());
        Assert.Equal("10.0.0.1@" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), clustering.BuildClientId());
        Assert.Equal("10.0.0.1@x", (broadcasting with { InstanceName = "x" }).BuildClientId());
    }
}
