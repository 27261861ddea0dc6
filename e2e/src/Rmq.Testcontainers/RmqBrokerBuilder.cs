using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Rmq.Configuration;

namespace Rmq.Testcontainers;

/// <summary>
/// Builds an `rmq broker -c broker.properties` container. The broker registers <c>brokerIP1:listenPort</c> with its
/// name servers, so on a cluster network run it on a machine with a fixed address (<see cref="WithMachine"/>) and
/// write that address as brokerIP1: clients on the host and Slaves on the network then reach it at the same address.
/// Alone, its port 10911 is published on a random host port. Ready when it answers GET_BROKER_RUNTIME_INFO.
/// </summary>
public sealed class RmqBrokerBuilder : ContainerBuilder<RmqBrokerBuilder, RmqBrokerContainer, RmqBrokerConfiguration>
{
    /// <summary>Where the properties file goes inside the container.</summary>
    public const string ConfigFilePath = "/home/rmq/broker.properties";

    public RmqBrokerBuilder()
        : this(new RmqBrokerConfiguration())
    {
        DockerResourceConfiguration = Init().DockerResourceConfiguration;
    }

    private RmqBrokerBuilder(RmqBrokerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        DockerResourceConfiguration = resourceConfiguration;
    }

    protected override RmqBrokerConfiguration DockerResourceConfiguration { get; }

    /// <summary>The broker's <c>-c</c> file (RocketMQ key names), e.g. one written by <see cref="ClusterConfigScaffolder"/>.</summary>
    public RmqBrokerBuilder WithBrokerProperties(string properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return Merge(DockerResourceConfiguration, new RmqBrokerConfiguration(brokerProperties: properties))
            .WithResourceMapping(JavaProperties.FileEncoding.GetBytes(properties), ConfigFilePath);
    }

    /// <summary>
    /// Runs the broker in <paramref name="machine"/>'s network namespace (started before this container is created), so
    /// its address is the machine's fixed address, which the properties should name as brokerIP1. No port is published then.
    /// </summary>
    public RmqBrokerBuilder WithMachine(RmqBrokerMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return Merge(DockerResourceConfiguration, new RmqBrokerConfiguration(machine: machine))
            .WithCreateParameterModifier(parameters =>
            {
                parameters.HostConfig ??= new HostConfig();
                parameters.HostConfig.NetworkMode = "container:" + machine.Container.Id;
            });
    }

    public override RmqBrokerContainer Build()
    {
        // on a machine the broker shares its network namespace, where Docker publishes no ports
        var builder = DockerResourceConfiguration.Machine is null ? WithPortBinding(RmqImage.BrokerPort, assignRandomHostPort: true) : this;
        builder.Validate();
        return new RmqBrokerContainer(builder.DockerResourceConfiguration);
    }

    protected override void Validate()
    {
        var properties = DockerResourceConfiguration.ReadProperties();
        if (string.IsNullOrEmpty(DockerResourceConfiguration.BrokerProperties) || properties["brokerName"] is null)
        {
            throw new ArgumentException("a broker needs its properties (at least brokerName): call WithBrokerProperties", nameof(DockerResourceConfiguration));
        }

        base.Validate();
    }

    protected override RmqBrokerBuilder Init() =>
        base.Init()
            .WithImage(RmqImage.Default)
            .WithCommand("broker", "-c", ConfigFilePath)
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new BrokerAnswers()));

    protected override RmqBrokerBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new RmqBrokerConfiguration(resourceConfiguration));

    protected override RmqBrokerBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new RmqBrokerConfiguration(resourceConfiguration));

    protected override RmqBrokerBuilder Merge(RmqBrokerConfiguration oldValue, RmqBrokerConfiguration newValue) =>
        new(new RmqBrokerConfiguration(oldValue, newValue));
}
