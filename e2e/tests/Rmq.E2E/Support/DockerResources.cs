using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace Rmq.E2E.Support;

/// <summary>Asks the Docker engine whether a container or network still exists (to check that tests leave nothing behind).</summary>
public static class DockerResources
{
    public static async Task<bool> ContainerExistsAsync(string id)
    {
        using var client = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.Empty).Build();
        try
        {
            await client.Containers.InspectContainerAsync(id);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    public static async Task<bool> NetworkExistsAsync(string name)
    {
        using var client = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.Empty).Build();
        var networks = await client.Networks.ListNetworksAsync(new Docker.DotNet.Models.NetworksListParameters());
        return networks.Any(n => n.Name == name);
    }
}
