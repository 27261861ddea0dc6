using System.Text;
using Rmq.Store;

namespace Rmq.Ha.Tests;

/// <summary>A real message store on a temp directory with small files (so replication crosses file boundaries).</summary>
internal sealed class TestStore : IAsyncDisposable
{
    public const int FileSize = 16 * 1024;
    public static readonly HostAddress StoreHost = HostAddress.Parse("10.1.2.3:10911");
    public static readonly HostAddress BornHost = HostAddress.Parse("192.168.0.7:54321");

    public TestStore(BrokerRole role, Func<MessageStoreOptions, MessageStoreOptions>? configure = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "rmq-ha-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var options = new MessageStoreOptions
        {
            StorePathRootDir = Root,
            MappedFileSizeCommitLog = FileSize,
            MappedFileSizeConsumeQueue = 100 * 20,
            MaxHashSlotNum = 1000,
            MaxIndexNum = 4000,
            FlushIntervalCommitLog = 50,
            FlushIntervalConsumeQueue = 50,
            BrokerRole = role,
        };
        Options = configure is null ? options : configure(options);
    }

    public string Root { get; }

    public MessageStoreOptions Options { get; }

    public MessageStore? Store { get; private set; }

    public async Task<MessageStore> StartAsync(MessageStoreServices? services = null)
    {
        Store = new MessageStore(Options, services);
        await Store.StartAsync(CancellationToken.None);
        return Store;
    }

    public async Task StopAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
            Store = null;
        }
    }

    public static MessageToStore Message(string topic, int queueId, string body, string? keys = null)
    {
        var props = new List<KeyValuePair<string, string>> { new(MessageProperties.TAGS, "TagA") };
        if (keys is not null)
        {
            props.Add(new(MessageProperties.KEYS, keys));
        }

        return new MessageToStore
        {
            Topic = topic,
            QueueId = queueId,
            Body = Encoding.UTF8.GetBytes(body),
            PropertiesString = MessageProperties.Build(props),
            BornTimestamp = 1_700_000_000_000,
            BornHost = BornHost,
            StoreHost = StoreHost,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
