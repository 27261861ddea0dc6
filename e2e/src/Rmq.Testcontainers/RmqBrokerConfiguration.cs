using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Rmq.Configuration;

namespace Rmq.Testcontainers;

/// <summary>A broker container's configuration: its RocketMQ properties file and, in a cluster, the machine whose address it uses.</summary>
public sealed class RmqBrokerConfiguration : ContainerConfiguration
{
    public RmqBrokerConfiguration(string? brokerProperties = null, RmqBrokerMachine? machine = null)
    {
        BrokerProperties = brokerProperties;
        Machine = machine;
    }

    public RmqBrokerConfiguration(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        : base(resourceConfiguration)
    {
    }

    public RmqBrokerConfiguration(IContainerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
    }

    public RmqBrokerConfiguration(RmqBrokerConfiguration resourceConfiguration)
        : this(new RmqBrokerConfiguration(), resourceConfiguration)
    {
    }

    public RmqBrokerConfiguration(RmqBrokerConfiguration oldValue, RmqBrokerConfiguration newValue)
        : base(oldValue, newValue)
    {
        ArgumentNullException.ThrowIfNull(oldValue);
        ArgumentNullException.ThrowIfNull(newValue);
        BrokerProperties = BuildConfiguration.Combine(oldValue.BrokerProperties, newValue.BrokerProperties);
        Machine = BuildConfiguration.Combine(oldValue.Machine, newValue.Machine);
    }

    /// <summary>The text of the broker's <c>-c</c> file (RocketMQ key names).</summary>
    public string? BrokerProperties { get; }

    /// <summary>The container whose network (and fixed address) the broker shares, or null for a network of its own.</summary>
    public RmqBrokerMachine? Machine { get; }

    /// <summary>The properties as the broker reads them (empty without a file).</summary>
    public JavaProperties ReadProperties() => JavaProperties.Parse(BrokerProperties ?? "", "broker.properties");
}
