namespace Rmq.Remoting;

internal static class AssemblyMarker
{
}
