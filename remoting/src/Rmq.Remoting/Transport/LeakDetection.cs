using DotNetty.Common;

namespace Rmq.Remoting.Transport;

/// <summary>
/// DotNetty's buffer leak detector, off unless asked for. Its default level (Simple) samples one pooled buffer in 128
/// and captures <see cref="Environment.StackTrace"/> for it: 3 % of the broker's and 7 % of a producer's CPU under load
/// (perf, 256 sends in flight). Setting the environment variable <c>io.netty.leakDetection.level</c> (disabled,
/// simple, advanced, paranoid), as with Netty, keeps DotNetty's own choice, for hunting a leak.
/// </summary>
internal static class LeakDetection
{
    public const string EnvironmentVariable = "io.netty.leakDetection.level";

    private static int _configured;

    /// <summary>Applies the default once per process; called before the first server or client starts.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) != 0)
        {
            return;
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)))
        {
            ResourceLeakDetector.Level = ResourceLeakDetector.DetectionLevel.Disabled;
        }
    }
}
