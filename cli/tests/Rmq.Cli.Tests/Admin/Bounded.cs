namespace Rmq.Cli.Tests.Admin;

/// <summary>
/// Disposal with a bound: DotNetty's event-loop shutdown can spin forever (Azure/DotNetty#522), and a test must
/// fail or finish rather than hang on it.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task DisposeAsync(IAsyncDisposable? disposable)
    {
        if (disposable is null)
        {
            return;
        }

        try
        {
            await disposable.DisposeAsync().AsTask().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            // left behind: its event loop spins in DotNetty's ConfirmShutdown
        }
    }

    /// <summary><c>await using var _ = Bounded.Own(x);</c> disposes <c>x</c> with the bound at the end of the scope.</summary>
    public static IAsyncDisposable Own(IAsyncDisposable disposable) => new Owner(disposable);

    private sealed class Owner(IAsyncDisposable disposable) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(Bounded.DisposeAsync(disposable));
    }
}
