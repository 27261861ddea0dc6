using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;

namespace Rmq.Testcontainers;

/// <summary>The Docker calls Testcontainers' IContainer lacks: kill with a signal, leave and rejoin a network.</summary>
internal static class DockerEngine
{
    private static DockerClient CreateClient() =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.Empty).Build();

    public static async Task KillAsync(string containerId, string signal, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        await client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = signal }, cancellationToken);
    }

    public static async Task DisconnectAsync(string networkName, string containerId, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        await client.Networks.DisconnectNetworkAsync(networkName, new NetworkDisconnectParameters { Container = containerId, Force = true }, cancellationToken);
    }

    public static async Task ConnectAsync(string networkName, string containerId, string? ipAddress, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var endpoint = new EndpointSettings();
        if (ipAddress is not null)
        {
            endpoint.IPAMConfig = new EndpointIPAMConfig { IPv4Address = ipAddress };
        }

        await client.Networks.ConnectNetworkAsync(networkName, new NetworkConnectParameters { Container = containerId, EndpointConfig = endpoint }, cancellationToken);
    }
}
