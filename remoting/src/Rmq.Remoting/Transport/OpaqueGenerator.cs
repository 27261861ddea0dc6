namespace Rmq.Remoting.Transport;

/// <summary>The process-wide request id counter (Java's RemotingCommand.requestId).</summary>
internal static class OpaqueGenerator
{
    private static int _next = -1;

    public static int Next() => Interlocked.Increment(ref _next);
}
