using System.Runtime.InteropServices;

namespace Rmq.Cli.LocalCluster;

/// <summary>Sends signals to processes by PID (SIGTERM for a clean stop).</summary>
internal static partial class PosixSignal
{
    public const int SigTerm = 15;

    /// <summary>True when the signal was delivered (the process exists).</summary>
    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    public static bool IsAlive(int pid) => Kill(pid, 0) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
