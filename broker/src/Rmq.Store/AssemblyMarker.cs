namespace Rmq.Store;

internal static class AssemblyMarker
{
}
