namespace Rmq.Cli.Bench;

/// <summary>Disposal with a bound: DotNetty's event-loop shutdown can hang, and a benchmark must still end.</summary>
internal sealed class BoundedDispose(IAsyncDisposable inner) : IAsyncDisposable
{
    public static async Task RunAsync(IAsyncDisposable disposable)
    {
        try
        {
            await disposable.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // left behind
        }
    }

    public ValueTask DisposeAsync() => new(RunAsync(inner));
}
