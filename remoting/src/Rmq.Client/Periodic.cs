using Serilog;

namespace Rmq.Client;

/// <summary>Background timers: run an action every interval until stopped; a failing run is logged and the next one still happens.</summary>
internal static class Periodic
{
    public static Task RunAsync(TimeSpan interval, TimeProvider timeProvider, Func<CancellationToken, Task> action, ILogger logger, string name, CancellationToken stoppingToken) =>
        RunAsync(interval, timeProvider, action, logger, name, signal: null, stoppingToken);

    /// <summary>Like the other overload; a write to <paramref name="signal"/> also triggers a run.</summary>
    public static async Task RunAsync(
        TimeSpan interval, TimeProvider timeProvider, Func<CancellationToken, Task> action, ILogger logger, string name,
        System.Threading.Channels.ChannelReader<bool>? signal, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delay = Task.Delay(interval, timeProvider, stoppingToken);
                if (signal is null)
                {
                    await delay.ConfigureAwait(false);
                }
                else
                {
                    await Task.WhenAny(delay, signal.WaitToReadAsync(stoppingToken).AsTask()).ConfigureAwait(false);
                    while (signal.TryRead(out _))
                    {
                    }
                }

                stoppingToken.ThrowIfCancellationRequested();
                await action(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.Warning(e, "Periodic {Task} failed", name);
            }
        }
    }

    public static async Task WhenAllStoppedAsync(IEnumerable<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }
}
