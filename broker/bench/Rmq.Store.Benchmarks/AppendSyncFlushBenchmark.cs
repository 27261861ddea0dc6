using BenchmarkDotNet.Attributes;
using Rmq.Store;

namespace Rmq.Store.Benchmarks;

/// <summary>64 concurrent appenders, 1 KiB bodies, SYNC_FLUSH: group commit.</summary>
[MemoryDiagnoser]
public class AppendSyncFlushBenchmark
{
    private const int Appenders = 64;
    private const int PerAppender = 20;
    private BenchStore _store = null!;
    private MessageToStore[] _messages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _store = BenchStore.StartAsync(FlushDiskType.SYNC_FLUSH).GetAwaiter().GetResult();
        var body = new byte[1024];
        _messages = Enumerable.Range(0, Appenders).Select(i => BenchStore.Message(body, i % 8)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Appenders * PerAppender)]
    public Task Append1KiB64Appenders() => Task.WhenAll(_messages.Select(AppendManyAsync));

    private async Task AppendManyAsync(MessageToStore message)
    {
        for (var i = 0; i < PerAppender; i++)
        {
            await _store.Store.PutMessageAsync(message, CancellationToken.None);
        }
    }
}
