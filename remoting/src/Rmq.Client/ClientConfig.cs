using Rmq.Client.Messages;

namespace Rmq.Client;

/// <summary>What producers and consumers share (ClientConfig.java): name servers, identity and timers.</summary>
public record ClientConfig
{
    /// <summary>"a:9876;b:9876"; null uses NAMESRV_ADDR.</summary>
    public string? NameServerAddress { get; init; }

    /// <summary>The client IP in the client id; defaults to the first non-loopback IPv4.</summary>
    public string ClientIp { get; init; } = ClientAddress.LocalIPv4().ToString();

    /// <summary>"DEFAULT" is replaced by the process id, as Java does for clustering clients.</summary>
    public string InstanceName { get; init; } = "DEFAULT";

    public TimeSpan PollNameServerInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan HeartbeatBrokerInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan PersistConsumerOffsetInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of name-server and admin-style broker calls.</summary>
    public TimeSpan MqClientApiTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>clientIP@instanceName</c>, instance name "DEFAULT" replaced by the pid.</summary>
    public virtual string BuildClientId() =>
        ClientIp + "@" + (InstanceName == "DEFAULT" ? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) : InstanceName);
}
