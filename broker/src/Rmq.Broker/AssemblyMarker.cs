namespace Rmq.Broker;

internal static class AssemblyMarker
{
}
