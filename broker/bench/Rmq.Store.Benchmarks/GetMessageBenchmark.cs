using BenchmarkDotNet.Attributes;
using Rmq.Store;

namespace Rmq.Store.Benchmarks;

/// <summary>Pull path: GetMessage of 32 x 1 KiB messages from page cache.</summary>
[MemoryDiagnoser]
public class GetMessageBenchmark
{
    private const int Messages = 100_000;
    private BenchStore _store = null!;
    private long _offset;

    [GlobalSetup]
    public void Setup()
    {
        _store = BenchStore.StartAsync(FlushDiskType.ASYNC_FLUSH, 256 * 1024 * 1024).GetAwaiter().GetResult();
        var message = BenchStore.Message(new byte[1024]);
        for (var i = 0; i < Messages; i++)
        {
            _store.Store.PutMessageAsync(message, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        while (_store.Store.DispatchBehindBytes > 0)
        {
            Thread.Sleep(10); // setup only, not measured
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public int GetMessage32()
    {
        var result = _store.Store.GetMessage("g", "BenchTopic", 0, _offset, 32);
        _offset = result.NextBeginOffset >= Messages - 32 ? 0 : result.NextBeginOffset;
        return result.MessageCount;
    }
}
