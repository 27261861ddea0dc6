using Xunit.Abstractions;

namespace Rmq.Store.Tests;

/// <summary>
/// Allocation budgets of the store's hot paths, in bytes per operation on the calling thread
/// (GC.GetAllocatedBytesForCurrentThread over a bounded loop after a warm-up). Not timed: the same figures as
/// BenchmarkDotNet's [MemoryDiagnoser] in broker/bench/Rmq.Store.Benchmarks, held as a regression bar.
/// </summary>
public sealed class AllocationBudgetTests(ITestOutputHelper output)
{
    /// <summary>ASYNC_FLUSH append of a 1 KiB message: the result is a value, the bytes go straight into the mapped file. Measured 0 B.</summary>
    private const double AppendBudgetBytes = 64;

    /// <summary>
    /// GetMessage of 32 x 1 KiB, beyond the response body itself (the 32 records copied out once, which the budget
    /// adds): the result, its offset list and the lookups. Measured 472 B.
    /// </summary>
    private const double GetMessage32OverheadBudgetBytes = 1024;

    [Fact]
    public async Task Async_flush_append_stays_within_its_allocation_budget()
    {
        // Given a started ASYNC_FLUSH store and a 1 KiB message
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 64 * 1024 * 1024, MessageIndexEnable = false });
        var store = await t.StartAsync();
        var message = TestStore.Message("Budget", 0, new string('x', 1024));

        // When it is appended many times on this thread
        var perOp = BytesPerOperation(4_000, () =>
        {
            var put = store.PutMessageAsync(message, CancellationToken.None);
            if (!put.IsCompletedSuccessfully || put.Result.Status != PutMessageStatus.PUT_OK)
            {
                throw new InvalidOperationException("an ASYNC_FLUSH append should complete synchronously with PUT_OK");
            }
        });

        // Then each append allocates at most the budget
        output.WriteLine($"append: {perOp:F1} B/op (budget {AppendBudgetBytes})");
        Assert.True(perOp <= AppendBudgetBytes, $"append allocated {perOp:F1} B/op, budget {AppendBudgetBytes}");
    }

    [Fact]
    public async Task Get_message_of_32_stays_within_its_allocation_budget()
    {
        // Given 2,000 dispatched 1 KiB messages in one queue
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 64 * 1024 * 1024, MappedFileSizeConsumeQueue = 20 * 10_000, MessageIndexEnable = false });
        var store = await t.StartAsync();
        var message = TestStore.Message("Budget", 0, new string('x', 1024));
        const int stored = 2_000;
        for (var i = 0; i < stored; i++)
        {
            await store.PutMessageAsync(message, CancellationToken.None);
        }

        Assert.True(await Poll.UntilAsync(() => store.GetMaxOffsetInQueue("Budget", 0) == stored));

        // When batches of 32 are read and released
        long offset = 0;
        var bodyBytes = 0;
        var perOp = BytesPerOperation(500, () =>
        {
            var result = store.GetMessage("g", "Budget", 0, offset, 32);
            if (result.MessageCount != 32)
            {
                throw new InvalidOperationException($"expected 32 messages at {offset}, got {result.MessageCount} ({result.Status})");
            }

            bodyBytes = result.Body.Length;
            offset = result.NextBeginOffset + 32 > stored ? 0 : result.NextBeginOffset;
        });

        // Then each read allocates at most its body plus the overhead budget
        var budget = bodyBytes + GetMessage32OverheadBudgetBytes;
        output.WriteLine($"GetMessage(32): {perOp:F1} B/op, body {bodyBytes} B (budget {budget})");
        Assert.True(perOp <= budget, $"GetMessage(32) allocated {perOp:F1} B/op, budget {budget} ({bodyBytes} B body + {GetMessage32OverheadBudgetBytes})");
    }

    /// <summary>Runs <paramref name="operation"/> once per warm-up round, then <paramref name="count"/> times measured.</summary>
    private static double BytesPerOperation(int count, Action operation)
    {
        for (var i = 0; i < Math.Min(count, 500); i++)
        {
            operation();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            operation();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
    }
}
