using BenchmarkDotNet.Attributes;
using Rmq.Store;

namespace Rmq.Store.Benchmarks;

/// <summary>One appender, 1 KiB bodies, ASYNC_FLUSH: the in-memory append path.</summary>
[MemoryDiagnoser]
public class AppendAsyncFlushBenchmark
{
    private const int Batch = 1000;
    private BenchStore _store = null!;
    private MessageToStore _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        _store = BenchStore.StartAsync(FlushDiskType.ASYNC_FLUSH).GetAwaiter().GetResult();
        _message = BenchStore.Message(new byte[1024]);
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task Append1KiB()
    {
        for (var i = 0; i < Batch; i++)
        {
            await _store.Store.PutMessageAsync(_message, CancellationToken.None);
        }
    }
}
