using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.NameServer.Routing;

/// <summary>One REGISTER_BROKER call, decoded.</summary>
public sealed record BrokerRegistration
{
    public required string ClusterName { get; init; }

    public required string BrokerAddr { get; init; }

    public required string BrokerName { get; init; }

    public required long BrokerId { get; init; }

    public string? HaServerAddr { get; init; }

    /// <summary>The broker's topics; null for a registration without a body (version 0, no topics).</summary>
    public TopicConfigSerializeWrapper? TopicConfig { get; init; }

    /// <summary>Null leaves the filter servers as they were; empty removes them.</summary>
    public IReadOnlyList<string>? FilterServerList { get; init; }

    /// <summary>The connection the registration came over; closing it removes the broker.</summary>
    public IRemotingChannel? Channel { get; init; }
}
