namespace Rmq.Testcontainers;

/// <summary>The rmq image the module runs (built locally by e2e/docker/build-image.sh; never pulled).</summary>
public static class RmqImage
{
    public const string Default = "rmq/rmq:local";

    public const int NameServerPort = 9876;

    public const int BrokerPort = 10911;

    public const int HaPort = 10912;
}
