namespace Rmq.Client;

internal static class AssemblyMarker
{
}
