using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;

namespace Rmq.Testcontainers;

/// <summary>The name server container's configuration (no settings of its own beyond the container's).</summary>
public sealed class RmqNameServerConfiguration : ContainerConfiguration
{
    public RmqNameServerConfiguration()
    {
    }

    public RmqNameServerConfiguration(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        : base(resourceConfiguration)
    {
    }

    public RmqNameServerConfiguration(IContainerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
    }

    public RmqNameServerConfiguration(RmqNameServerConfiguration resourceConfiguration)
        : this(new RmqNameServerConfiguration(), resourceConfiguration)
    {
    }

    public RmqNameServerConfiguration(RmqNameServerConfiguration oldValue, RmqNameServerConfiguration newValue)
        : base(oldValue, newValue)
    {
    }
}
