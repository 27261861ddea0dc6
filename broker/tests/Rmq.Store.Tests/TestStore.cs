using System.Text;

namespace Rmq.Store.Tests;

/// <summary>A temp directory with small-file store options; deleted on dispose.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    public static readonly HostAddress StoreHost = HostAddress.Parse("10.1.2.3:10911");
    public static readonly HostAddress BornHost = HostAddress.Parse("192.168.0.7:54321");

    public TestStore(Func<MessageStoreOptions, MessageStoreOptions>? configure = null, string? root = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "rmq-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var options = new MessageStoreOptions
        {
            StorePathRootDir = Root,
            MappedFileSizeCommitLog = 64 * 1024,
            MappedFileSizeConsumeQueue = 100 * 20,
            MaxHashSlotNum = 1000,
            MaxIndexNum = 4000,
            FlushIntervalCommitLog = 50,
            FlushIntervalConsumeQueue = 50,
        };
        Options = configure is null ? options : configure(options);
    }

    public string Root { get; }
    public MessageStoreOptions Options { get; set; }
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

    public async Task<MessageStore> RestartAsync(MessageStoreServices? services = null)
    {
        await StopAsync();
        return await StartAsync(services);
    }

    public string CommitLogDir => Path.Combine(Root, "commitlog");

    public static MessageToStore Message(string topic, int queueId, string body, string? tags = null, string? keys = null, string? uniqKey = null)
    {
        var props = new List<KeyValuePair<string, string>>();
        if (tags is not null)
        {
            props.Add(new(MessageProperties.TAGS, tags));
        }

        if (keys is not null)
        {
            props.Add(new(MessageProperties.KEYS, keys));
        }

        if (uniqKey is not null)
        {
            props.Add(new(MessageProperties.UNIQ_KEY, uniqKey));
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
