using System.Threading.Channels;
using Serilog;

namespace Rmq.Remoting.Processing;

/// <summary>
/// A named, bounded work queue served by a fixed number of worker tasks (RocketMQ's per-family
/// thread pools: send, pull, admin, ...). <see cref="TryEnqueue"/> never blocks: a full queue
/// returns false and the dispatcher answers SYSTEM_BUSY.
/// </summary>
/// <remarks>
/// With <c>maxAwaitingItems</c> &gt; 0 a worker is released when its work item awaits something not yet complete
/// (a SYNC_FLUSH or SYNC_MASTER put waiting for the disk or the slave): it takes the next item while up to that many
/// items wait, as RocketMQ 4.9's send threads return once <c>asyncPutMessage</c> hands back its future. Without it a
/// worker runs one item to its end, so <c>threads</c> bounds how many puts can wait at once.
/// </remarks>
public sealed class RequestExecutor : IDisposable, IAsyncDisposable
{
    private readonly Channel<WorkItem> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim? _awaitingSlots;
    private int _awaiting;
    private int _disposed;

    public RequestExecutor(string name, int threads, int queueCapacity, ILogger? logger = null, TimeProvider? timeProvider = null, int maxAwaitingItems = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAwaitingItems);
        _awaitingSlots = maxAwaitingItems > 0 ? new SemaphoreSlim(maxAwaitingItems, maxAwaitingItems) : null;
        MaxAwaitingItems = maxAwaitingItems;
        Name = name;
        Threads = threads;
        Capacity = queueCapacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<RequestExecutor>().ForContext("Executor", name);
        _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(queueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = threads == 1,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        _workers = new Task[threads];
        for (var i = 0; i < threads; i++)
        {
            _workers[i] = Task.Run(RunWorkerAsync);
        }
    }

    public string Name { get; }

    /// <summary>How many work items may wait (awaiting) after releasing their worker; 0: a worker runs each item to its end.</summary>
    public int MaxAwaitingItems { get; }

    /// <summary>Work items currently waiting after releasing their worker.</summary>
    public int AwaitingCount => Volatile.Read(ref _awaiting);

    public int Threads { get; }

    /// <summary>The queue's capacity (RocketMQ's <c>...ThreadPoolQueueCapacity</c>).</summary>
    public int Capacity { get; }

    /// <summary>Items waiting, not counting those being run (<c>...ThreadPoolQueueSize</c>).</summary>
    public int QueueSize => _queue.Reader.Count;

    /// <summary>Cancelled when the executor is disposed; work may observe it.</summary>
    public CancellationToken StoppingToken => _stopping.Token;

    /// <summary>How long the oldest waiting item has waited (<c>...ThreadPoolQueueHeadWaitTimeMills</c>); zero when empty.</summary>
    public TimeSpan HeadWaitTime =>
        _queue.Reader.TryPeek(out var head) ? _timeProvider.GetElapsedTime(head.EnqueuedAt) : TimeSpan.Zero;

    /// <summary>Queues <paramref name="work"/>; false when the queue is full or the executor is stopped.</summary>
    public bool TryEnqueue(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _queue.Writer.TryWrite(new WorkItem(work, _timeProvider.GetTimestamp()));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _stopping.Cancel();
    }

    /// <summary>Stops accepting work, cancels <see cref="StoppingToken"/> and waits for the workers to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        if (await AwaitingItemsFinishedAsync(AwaitingDrainTimeout).ConfigureAwait(false))
        {
            // Items still awaiting may read StoppingToken; its source is disposed only once none is left.
            _stopping.Dispose();
        }
    }

    /// <summary>How long disposal waits for items that released their worker (their own waits are bounded too).</summary>
    private static readonly TimeSpan AwaitingDrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Takes every awaiting slot back (bounded): true when no released item is still running.</summary>
    private async Task<bool> AwaitingItemsFinishedAsync(TimeSpan timeout)
    {
        if (_awaitingSlots is null)
        {
            return true;
        }

        var deadline = _timeProvider.GetTimestamp();
        for (var i = 0; i < MaxAwaitingItems; i++)
        {
            var left = timeout - _timeProvider.GetElapsedTime(deadline);
            if (left <= TimeSpan.Zero || !await _awaitingSlots.WaitAsync(left).ConfigureAwait(false))
            {
                _logger.Warning("Executor {Executor} stopped with {Awaiting} items still awaiting", Name, AwaitingCount);
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"{Name}(threads={Threads}, queue={QueueSize}/{Capacity})";

    private async Task RunWorkerAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    if (_awaitingSlots is not null)
                    {
                        await RunReleasingAsync(item, _awaitingSlots).ConfigureAwait(false);
                        continue;
                    }

                    try
                    {
                        await item.Work().ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
                    {
                        // The dispatcher catches processor faults itself; this is a bug in the work item.
                        _logger.Error(e, "Unhandled exception in a work item of executor {Executor}", Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed: queued items are dropped; their requesters time out.
        }
    }

    /// <summary>Starts the item on this worker; if it awaits, lets it finish on its own and returns (a slot held meanwhile).</summary>
    private async Task RunReleasingAsync(WorkItem item, SemaphoreSlim slots)
    {
        await slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
        Task work;
        try
        {
            work = item.Work();
        }
        catch (Exception e)
        {
            slots.Release();
            _logger.Error(e, "Unhandled exception in a work item of executor {Executor}", Name);
            return;
        }

        if (work.IsCompleted)
        {
            slots.Release();
            Observe(work);
            return;
        }

        Interlocked.Increment(ref _awaiting);
        _ = work.ContinueWith(
            static (done, state) =>
            {
                var executor = (RequestExecutor)state!;
                Interlocked.Decrement(ref executor._awaiting);
                executor._awaitingSlots!.Release();
                executor.Observe(done);
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Observe(Task done)
    {
        if (done.Exception is { } e && (e.InnerException is not OperationCanceledException || !_stopping.IsCancellationRequested))
        {
            _logger.Error(e.InnerException ?? e, "Unhandled exception in a work item of executor {Executor}", Name);
        }
    }

    private readonly record struct WorkItem(Func<Task> Work, long EnqueuedAt);
}
