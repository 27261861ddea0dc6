namespace Rmq.Configuration;

internal static class AssemblyMarker
{
}
