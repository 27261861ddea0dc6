using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Rmq.Configuration;

namespace Rmq.Testcontainers;

/// <summary>A broker container's configuration: its RocketMQ properties file and, on a cluster network, its fixed IP.</summary>
public sealed class RmqBrokerConfiguration : ContainerConfiguration
{
    public RmqBrokerConfiguration(string? brokerProperties = null, string? ipAddress = null, string? networkName = null)
    {
        BrokerProperties = brokerProperties;
        IpAddress = ipAddress;
        NetworkName = networkName;
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
        IpAddress = BuildConfiguration.Combine(oldValue.IpAddress, newValue.IpAddress);
        NetworkName = BuildConfiguration.Combine(oldValue.NetworkName, newValue.NetworkName);
    }

    /// <summary>The text of the broker's <c>-c</c> file (RocketMQ key names).</summary>
    public string? BrokerProperties { get; }

    /// <summary>The container's fixed IPv4 address on <see cref="NetworkName"/>, or null for Docker's choice.</summary>
    public string? IpAddress { get; }

    /// <summary>The network <see cref="IpAddress"/> belongs to.</summary>
    public string? NetworkName { get; }

    /// <summary>The properties as the broker reads them (empty without a file).</summary>
    public JavaProperties ReadProperties() => JavaProperties.Parse(BrokerProperties ?? "", "broker.properties");
}
