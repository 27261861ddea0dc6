using Rmq.Store;

namespace Rmq.Store.Benchmarks;

/// <summary>A store in a temp directory on the same disk as the system temp dir (or RMQ_BENCH_DIR).</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    public static readonly HostAddress Host = HostAddress.Parse("127.0.0.1:10911");

    private BenchStore(string root, MessageStore store, Rmq.Ha.HaService? ha)
    {
        Root = root;
        Store = store;
        Ha = ha;
    }

    public string Root { get; }
    public MessageStore Store { get; }

    /// <summary>The HA service of a SYNC_MASTER / ASYNC_MASTER bench store started with HA options.</summary>
    public Rmq.Ha.HaService? Ha { get; }

    public static string BaseDirectory => Environment.GetEnvironmentVariable("RMQ_BENCH_DIR") ?? Path.Combine(Path.GetTempPath(), "rmq-bench");

    public static async Task<BenchStore> StartAsync(FlushDiskType flush, int commitLogFileSize = 1024 * 1024 * 1024, BrokerRole role = BrokerRole.ASYNC_MASTER, Rmq.Ha.HaOptions? ha = null)
    {
        var root = Path.Combine(BaseDirectory, Guid.NewGuid().ToString("N"));
        var options = new MessageStoreOptions
        {
            StorePathRootDir = root,
            FlushDiskType = flush,
            MappedFileSizeCommitLog = commitLogFileSize,
            MaxHashSlotNum = 500_000,
            MaxIndexNum = 2_000_000,
            BrokerRole = role,
        };
        var haService = ha is null ? null : new Rmq.Ha.HaService(ha);
        var store = new MessageStore(options, haService is null ? null : new MessageStoreServices { ReplicationWaiter = haService, ArrivingListener = haService.WrapArrivingListener() });
        await store.StartAsync(CancellationToken.None);
        if (haService is not null)
        {
            await haService.StartAsync(store, CancellationToken.None);
        }

        return new BenchStore(root, store, haService);
    }

    public static MessageToStore Message(ReadOnlyMemory<byte> body, int queueId = 0) => new()
    {
        Topic = "BenchTopic",
        QueueId = queueId,
        Body = body,
        PropertiesString = "TAGS\u0001bench\u0002KEYS\u0001k",
        BornHost = Host,
        StoreHost = Host,
        BornTimestamp = 1_700_000_000_000,
    };

    public async ValueTask DisposeAsync()
    {
        if (Ha is not null)
        {
            await Ha.DisposeAsync();
        }

        await Store.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
