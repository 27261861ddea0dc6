using Rmq.Remoting.Processing;

namespace Rmq.Remoting.Tests.Processing;

public sealed class RequestExecutorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_full_queue_refuses_work_and_reports_size_capacity_and_head_wait()
    {
        // Given one worker held busy and a queue of two
        var time = new ManualTimeProvider();
        await using var executor = new RequestExecutor("send", threads: 1, queueCapacity: 2, timeProvider: time);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(executor.TryEnqueue(async () =>
        {
            running.TrySetResult();
            await gate.Task;
        }));
        await running.Task.WaitAsync(Timeout);

        // When two more fill the queue and time passes
        var done = 0;
        Assert.True(executor.TryEnqueue(() => Task.FromResult(Interlocked.Increment(ref done))));
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(executor.TryEnqueue(() => Task.FromResult(Interlocked.Increment(ref done))));

        // Then a fourth is refused, and the queue reports its state
        Assert.False(executor.TryEnqueue(() => Task.CompletedTask));
        Assert.Equal(2, executor.QueueSize);
        Assert.Equal(2, executor.Capacity);
        Assert.Equal(TimeSpan.FromMilliseconds(250), executor.HeadWaitTime);

        gate.SetResult();
        Assert.True(await PollAsync(() => Volatile.Read(ref done) == 2));
        Assert.Equal(0, executor.QueueSize);
        Assert.Equal(TimeSpan.Zero, executor.HeadWaitTime);
    }

    [Fact]
    public async Task Work_runs_on_all_workers_concurrently()
    {
        await using var executor = new RequestExecutor("pull", threads: 3, queueCapacity: 10);
        var inside = 0;
        var allIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(executor.TryEnqueue(async () =>
            {
                if (Interlocked.Increment(ref inside) == 3)
                {
                    allIn.TrySetResult();
                }

                await gate.Task;
            }));
        }

        await allIn.Task.WaitAsync(Timeout);
        gate.SetResult();
    }

    [Fact]
    public async Task A_failing_work_item_does_not_stop_its_worker()
    {
        await using var executor = new RequestExecutor("admin", threads: 1, queueCapacity: 10);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(executor.TryEnqueue(() => throw new InvalidOperationException("bug")));
        Assert.True(executor.TryEnqueue(() => Task.FromException(new InvalidOperationException("bug"))));
        Assert.True(executor.TryEnqueue(() =>
        {
            ran.TrySetResult();
            return Task.CompletedTask;
        }));

        await ran.Task.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_disposed_executor_refuses_work_and_its_workers_exit()
    {
        var executor = new RequestExecutor("stopped", threads: 2, queueCapacity: 10);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(executor.TryEnqueue(async () =>
        {
            running.TrySetResult();
            try
            {
                await Task.Delay(Timeout, executor.StoppingToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }
        }));
        await running.Task.WaitAsync(Timeout);

        await executor.DisposeAsync().AsTask().WaitAsync(Timeout);

        Assert.False(executor.TryEnqueue(() => Task.CompletedTask));
        Assert.True(cancelled.Task.IsCompletedSuccessfully);
    }

    private static async Task<bool> PollAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
