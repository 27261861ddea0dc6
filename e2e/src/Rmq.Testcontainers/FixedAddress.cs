using Docker.DotNet.Models;

namespace Rmq.Testcontainers;

/// <summary>Pins a container's IPv4 address on a network at creation (docker run --network N --ip A).</summary>
internal static class FixedAddress
{
    public static void Apply(CreateContainerParameters parameters, string networkName, string ipAddress)
    {
        parameters.NetworkingConfig ??= new NetworkingConfig();
        parameters.NetworkingConfig.EndpointsConfig ??= new Dictionary<string, EndpointSettings>(StringComparer.Ordinal);
        if (!parameters.NetworkingConfig.EndpointsConfig.TryGetValue(networkName, out var endpoint))
        {
            endpoint = new EndpointSettings();
            parameters.NetworkingConfig.EndpointsConfig[networkName] = endpoint;
        }

        endpoint.IPAMConfig = new EndpointIPAMConfig { IPv4Address = ipAddress };
    }
}
