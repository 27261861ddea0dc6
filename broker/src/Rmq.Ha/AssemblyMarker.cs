namespace Rmq.Ha;

internal static class AssemblyMarker
{
}
