namespace Rmq.Remoting.Transport;

/// <summary>Bounds the wait for DotNetty's event-loop shutdown, which can spin forever (Azure/DotNetty#522).</summary>
internal static class EventLoopShutdown
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>Waits for <paramref name="shutdown"/> at most <see cref="Bound"/>; a stuck loop is left to the process exit.</summary>
    public static async Task WaitBoundedAsync(Task shutdown)
    {
        await Task.WhenAny(shutdown, Task.Delay(Bound)).ConfigureAwait(false);
        if (shutdown.IsFaulted)
        {
            await shutdown.ConfigureAwait(false);
        }
    }
}
