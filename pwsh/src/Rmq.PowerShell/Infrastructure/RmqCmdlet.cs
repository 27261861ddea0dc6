using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.ExceptionServices;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>
/// Base of every Rmq cmdlet: a cancellation token that <see cref="StopProcessing"/> (Ctrl+C) cancels, and
/// <see cref="Run{T}"/>, which runs async client code while pumping on the pipeline thread, so every
/// Write* and ShouldProcess call stays on the thread PowerShell requires.
/// </summary>
public abstract class RmqCmdlet : PSCmdlet, IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);
    private readonly CancellationTokenSource _stop = new();
    private readonly BlockingCollection<Action?> _pump = new();

    /// <summary>Cancelled when the pipeline is stopped (Ctrl+C).</summary>
    protected CancellationToken StopToken => _stop.Token;

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Queues <paramref name="action"/> to run on the pipeline thread while <see cref="Run{T}"/> waits.</summary>
    protected void Post(Action action) => _pump.Add(action);

    /// <summary>Runs <paramref name="work"/> to completion, pumping posted actions; stop cancels it.</summary>
    /// <exception cref="PipelineStoppedException">The pipeline was stopped.</exception>
    protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _stop.Token.ThrowIfCancellationRequestedAsStopped();
        var task = Task.Run(() => work(_stop.Token), _stop.Token);
        _ = task.ContinueWith(_ => _pump.Add(null), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            while (_pump.Take(_stop.Token) is { } action)
            {
                action();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Give the work a moment to observe the token, then leave it behind.
            task.Wait(StopGrace, CancellationToken.None);
            throw new PipelineStoppedException();
        }

        while (_pump.TryTake(out var late) && late is not null)
        {
            late();
        }

        if (task.IsCanceled || (task.IsFaulted && _stop.IsCancellationRequested))
        {
            throw new PipelineStoppedException();
        }

        if (task.Exception is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure.InnerExceptions.Count == 1 ? failure.InnerExceptions[0] : failure).Throw();
        }

        return task.Result;
    }

    protected void Run(Func<CancellationToken, Task> work) =>
        Run<bool>(async ct =>
        {
            await work(ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>Waits <paramref name="interval"/> between polls; returns at once when stopped.</summary>
    protected void Pause(TimeSpan interval) => Run(ct => Task.Delay(interval, ct));

    /// <summary>For helpers shared between cmdlets: <see cref="Run(Func{CancellationToken, Task})"/>.</summary>
    internal void RunPoll(Func<CancellationToken, Task> work) => Run(work);

    internal T RunAsync<T>(Func<CancellationToken, Task<T>> work) => Run(work);

    internal void PauseFor(TimeSpan interval) => Pause(interval);

    /// <summary>A non-terminating error for one target; the loop over the other targets goes on.</summary>
    protected void WriteTargetError(Exception exception, string errorId, object? target, ErrorCategory? category = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var record = new ErrorRecord(exception, errorId, category ?? RmqErrors.CategoryOf(exception), target);
        WriteError(record);
    }

    protected void WriteTargetError(string message, string errorId, object? target, ErrorCategory category) =>
        WriteTargetError(new RmqException(message), errorId, target, category);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Dispose();
            _pump.Dispose();
        }
    }
}
