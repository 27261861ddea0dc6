using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace Rmq.Testcontainers;

/// <summary>Builds an `rmq namesrv` container: port 9876 mapped to a random host port, ready when it answers over the protocol.</summary>
public sealed class RmqNameServerBuilder : ContainerBuilder<RmqNameServerBuilder, RmqNameServerContainer, RmqNameServerConfiguration>
{
    public RmqNameServerBuilder()
        : this(new RmqNameServerConfiguration())
    {
        DockerResourceConfiguration = Init().DockerResourceConfiguration;
    }

    private RmqNameServerBuilder(RmqNameServerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        DockerResourceConfiguration = resourceConfiguration;
    }

    protected override RmqNameServerConfiguration DockerResourceConfiguration { get; }

    public override RmqNameServerContainer Build()
    {
        Validate();
        return new RmqNameServerContainer(DockerResourceConfiguration);
    }

    protected override RmqNameServerBuilder Init() =>
        base.Init()
            .WithImage(RmqImage.Default)
            .WithPortBinding(RmqImage.NameServerPort, assignRandomHostPort: true)
            .WithCommand("namesrv")
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new NameServerAnswers()));

    protected override RmqNameServerBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new RmqNameServerConfiguration(resourceConfiguration));

    protected override RmqNameServerBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new RmqNameServerConfiguration(resourceConfiguration));

    protected override RmqNameServerBuilder Merge(RmqNameServerConfiguration oldValue, RmqNameServerConfiguration newValue) =>
        new(new RmqNameServerConfiguration(oldValue, newValue));
}
