using System.Collections.Concurrent;

namespace Rmq.Client.Consumer;

/// <summary>The consume tasks in flight, so a shutdown can wait for them (and for those they resubmit).</summary>
internal sealed class ConsumeTaskTracker
{
    private readonly ConcurrentDictionary<Task, bool> _tasks = new();

    public void Run(Func<Task> work)
    {
        var task = Task.Run(work, CancellationToken.None);
        _tasks.TryAdd(task, true);
        task.ContinueWith(t => _tasks.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until no task is in flight; a task resubmitting itself after cancellation ends at once.</summary>
    public async Task WhenAllStoppedAsync()
    {
        while (!_tasks.IsEmpty)
        {
            await Periodic.WhenAllStoppedAsync(_tasks.Keys.ToList()).ConfigureAwait(false);
        }
    }
}
