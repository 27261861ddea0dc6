using Rmq.Remoting.Processing;

namespace Rmq.Remoting.Tests.Processing;

/// <summary>maxAwaitingItems: a worker whose item awaits takes the next item (RocketMQ 4.9's async send processing).</summary>
public sealed class RequestExecutorReleasingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task One_worker_starts_many_items_that_await()
    {
        // Given one worker that may leave up to 8 items awaiting
        await using var executor = new RequestExecutor("send", threads: 1, queueCapacity: 16, maxAwaitingItems: 8);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var finished = 0;

        // When 5 items each await the same gate
        for (var i = 0; i < 5; i++)
        {
            Assert.True(executor.TryEnqueue(async () =>
            {
                Interlocked.Increment(ref started);
                await gate.Task;
                Interlocked.Increment(ref finished);
            }));
        }

        // Then all 5 are started while none has finished
        Assert.True(await PollAsync(() => Volatile.Read(ref started) == 5));
        Assert.Equal(0, Volatile.Read(ref finished));
        Assert.Equal(5, executor.AwaitingCount);

        gate.SetResult();
        Assert.True(await PollAsync(() => Volatile.Read(ref finished) == 5 && executor.AwaitingCount == 0));
    }

    [Fact]
    public async Task No_more_than_max_awaiting_items_wait_at_once()
    {
        // Given room for 2 awaiting items
        await using var executor = new RequestExecutor("send", threads: 1, queueCapacity: 16, maxAwaitingItems: 2);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        for (var i = 0; i < 4; i++)
        {
            Assert.True(executor.TryEnqueue(async () =>
            {
                Interlocked.Increment(ref started);
                await gate.Task;
            }));
        }

        // Then only 2 start until they finish
        Assert.True(await PollAsync(() => Volatile.Read(ref started) == 2));
        await Task.Delay(100); // a wrong implementation starts a third here
        Assert.Equal(2, Volatile.Read(ref started));

        gate.SetResult();
        Assert.True(await PollAsync(() => Volatile.Read(ref started) == 4));
    }

    [Fact]
    public async Task A_faulting_item_releases_its_slot()
    {
        await using var executor = new RequestExecutor("send", threads: 1, queueCapacity: 16, maxAwaitingItems: 1);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(executor.TryEnqueue(async () =>
        {
            await gate.Task;
            throw new InvalidOperationException("bug in a work item");
        }));
        var ranNext = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(executor.TryEnqueue(() =>
        {
            ranNext.TrySetResult();
            return Task.CompletedTask;
        }));

        gate.SetResult();

        await ranNext.Task.WaitAsync(Timeout);
    }

    private static async Task<bool> PollAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(10);
        }

        return condition();
    }
}
