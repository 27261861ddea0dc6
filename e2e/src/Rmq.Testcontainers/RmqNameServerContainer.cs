using DotNet.Testcontainers.Containers;

namespace Rmq.Testcontainers;

/// <summary>A running `rmq namesrv` container.</summary>
public sealed class RmqNameServerContainer : DockerContainer
{
    public RmqNameServerContainer(RmqNameServerConfiguration configuration)
        : base(configuration)
    {
    }

    /// <summary>"host:port" for a client on the host (the mapped port changes after a restart).</summary>
    public string GetNameServerAddress() => $"{Hostname}:{GetMappedPublicPort(RmqImage.NameServerPort)}";
}
