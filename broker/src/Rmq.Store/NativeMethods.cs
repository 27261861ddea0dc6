using System.Runtime.InteropServices;

namespace Rmq.Store;

internal static unsafe partial class NativeMethods
{
    internal const int MS_SYNC = 4;

    [LibraryImport("libc", EntryPoint = "msync", SetLastError = true)]
    internal static partial int MSync(void* addr, nuint length, int flags);
}
