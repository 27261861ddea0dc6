using Rmq.Store;

namespace Rmq.Store.Benchmarks;

/// <summary>A store in a temp directory on the same disk as the system temp dir (or RMQ_BENCH_DIR).</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    public static readonly HostAddress Host = HostAddress.Parse("127.0.0.1:10911");

    private BenchStore(string root, MessageStore store)
    {
        Root = root;
        Store = store;
    }

    public string Root { get; }
    public MessageStore Store { get; }

    public static string BaseDirectory => Environment.GetEnvironmentVariable("RMQ_BENCH_DIR") ?? Path.Combine(Path.GetTempPath(), "rmq-bench");

    public static async Task<BenchStore> StartAsync(FlushDiskType flush, int commitLogFileSize = 1024 * 1024 * 1024)
    {
        var root = Path.Combine(BaseDirectory, Guid.NewGuid().ToString("N"));
        var options = new MessageStoreOptions
        {
            StorePathRootDir = root,
            FlushDiskType = flush,
            MappedFileSizeCommitLog = commitLogFileSize,
            MaxHashSlotNum = 500_000,
            MaxIndexNum = 2_000_000,
        };
        var store = new MessageStore(options);
        await store.StartAsync(CancellationToken.None);
        return new BenchStore(root, store);
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
        await Store.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
