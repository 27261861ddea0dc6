namespace Rmq.Configuration.Tests;

internal static class TestMachine
{
    public static MachineInfo Fixed { get; } = new("host-1", 8, "/home/rmq", "10.0.0.5", null, null);
}
