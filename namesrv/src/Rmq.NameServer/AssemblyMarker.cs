namespace Rmq.NameServer;

internal static class AssemblyMarker
{
}
