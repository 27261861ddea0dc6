using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Networks;
using Rmq.Configuration;

namespace Rmq.Testcontainers;

/// <summary>
/// Builds an `rmq broker -c broker.properties` container. The broker registers <c>brokerIP1:listenPort</c> with its
/// name servers, so on a cluster network give it a fixed address (<see cref="WithIpAddress"/>) and write that address
/// as brokerIP1: clients on the host and Slaves on the network then reach it at the same address. Ready when it
/// answers GET_BROKER_RUNTIME_INFO through its mapped port.
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

    /// <summary>Joins <paramref name="network"/> at the fixed <paramref name="ipAddress"/> (the network needs a subnet of its own, as <see cref="RmqCluster"/> creates).</summary>
    public RmqBrokerBuilder WithIpAddress(INetwork network, string ipAddress)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(ipAddress);
        return Merge(DockerResourceConfiguration, new RmqBrokerConfiguration(ipAddress: ipAddress, networkName: network.Name))
            .WithNetwork(network)
            .WithCreateParameterModifier(parameters => FixedAddress.Apply(parameters, network.Name, ipAddress));
    }

    public override RmqBrokerContainer Build()
    {
        Validate();
        return new RmqBrokerContainer(DockerResourceConfiguration);
    }

    protected override void Validate()
    {
        base.Validate();
        var properties = DockerResourceConfiguration.ReadProperties();
        if (string.IsNullOrEmpty(DockerResourceConfiguration.BrokerProperties) || properties["brokerName"] is null)
        {
            throw new ArgumentException("a broker needs its properties (at least brokerName): call WithBrokerProperties", nameof(DockerResourceConfiguration));
        }
    }

    protected override RmqBrokerBuilder Init() =>
        base.Init()
            .WithImage(RmqImage.Default)
            .WithPortBinding(RmqImage.BrokerPort, assignRandomHostPort: true)
            .WithCommand("broker", "-c", ConfigFilePath)
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new BrokerAnswers()));

    protected override RmqBrokerBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new RmqBrokerConfiguration(resourceConfiguration));

    protected override RmqBrokerBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new RmqBrokerConfiguration(resourceConfiguration));

    protected override RmqBrokerBuilder Merge(RmqBrokerConfiguration oldValue, RmqBrokerConfiguration newValue) =>
        new(new RmqBrokerConfiguration(oldValue, newValue));
}
