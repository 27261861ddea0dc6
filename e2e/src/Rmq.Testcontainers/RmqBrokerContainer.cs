using System.Globalization;
using DotNet.Testcontainers.Containers;

namespace Rmq.Testcontainers;

/// <summary>
/// A running `rmq broker` container with the faults the deployment guide's scenarios need: <see cref="KillAsync"/>
/// (SIGKILL: no unregistration, no flush), <see cref="DockerContainer.StopAsync"/> (SIGTERM: a graceful shutdown) and
/// <see cref="DockerContainer.StartAsync"/> again (same store, same address), <see cref="DockerContainer.PauseAsync"/> /
/// <see cref="DockerContainer.UnpauseAsync"/> (frozen: connections stay open, nothing answers), and
/// <see cref="DisconnectAsync"/> / <see cref="ReconnectAsync"/> (its machine cut off the network, then back at the same address).
/// On a machine (<see cref="RmqBrokerMachine"/>) the address survives a kill or stop: clients get "connection refused".
/// </summary>
public sealed class RmqBrokerContainer : DockerContainer
{
    public RmqBrokerContainer(RmqBrokerConfiguration configuration)
        : base(configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var properties = configuration.ReadProperties();
        BrokerName = properties["brokerName"] ?? throw new ArgumentException("the broker properties lack brokerName", nameof(configuration));
        BrokerId = long.Parse(properties["brokerId"] ?? "0", CultureInfo.InvariantCulture);
        BrokerRole = properties["brokerRole"] ?? "ASYNC_MASTER";
        ClusterName = properties["brokerClusterName"] ?? "DefaultCluster";
        ListenPort = int.Parse(properties["listenPort"] ?? RmqImage.BrokerPort.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        Machine = configuration.Machine;
        AdvertisedIp = properties["brokerIP1"] ?? Machine?.IpAddress;
    }

    public string ClusterName { get; }

    public string BrokerName { get; }

    /// <summary>0 for a Master, &gt; 0 for a Slave.</summary>
    public long BrokerId { get; }

    /// <summary>ASYNC_MASTER, SYNC_MASTER or SLAVE.</summary>
    public string BrokerRole { get; }

    public bool IsMaster => BrokerId == 0;

    public int ListenPort { get; }

    /// <summary>The machine whose network namespace (and address) the broker uses, or null.</summary>
    public RmqBrokerMachine? Machine { get; }

    /// <summary>brokerIP1 (or its machine's address); null when the broker picks its own.</summary>
    public string? AdvertisedIp { get; }

    /// <summary>
    /// The address the broker registers with its name servers, <c>brokerIP1:listenPort</c>: what clients get in routes.
    /// With a fixed address on a test-made bridge network, reachable from the host and from the network alike.
    /// </summary>
    public string BrokerAddress => AdvertisedIp is { } ip
        ? string.Create(CultureInfo.InvariantCulture, $"{ip}:{ListenPort}")
        : throw new InvalidOperationException($"{BrokerName} has no brokerIP1 or fixed address; use GetMappedBrokerAddress");

    /// <summary>"host:port" of the mapped listen port, for a host client talking to this broker directly (changes after a restart).</summary>
    public string GetMappedBrokerAddress() => $"{Hostname}:{GetMappedPublicPort(RmqImage.BrokerPort)}";

    /// <summary>Sends <paramref name="signal"/> to the broker process (default SIGKILL: dies at once, nothing flushed or unregistered).</summary>
    public Task KillAsync(string signal = "KILL", CancellationToken cancellationToken = default) =>
        DockerEngine.KillAsync(Id, signal, cancellationToken);

    /// <summary>Cuts the broker's machine off the network: peers and the host get no answer (connections time out, nothing is closed).</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken = default) => RequireMachine().DisconnectAsync(cancellationToken);

    /// <summary>Puts the broker's machine back on the network at the same address.</summary>
    public Task ReconnectAsync(CancellationToken cancellationToken = default) => RequireMachine().ReconnectAsync(cancellationToken);

    private RmqBrokerMachine RequireMachine() =>
        Machine ?? throw new InvalidOperationException($"{BrokerName} runs on no machine of a cluster network (WithMachine)");

    public override string ToString() => $"{BrokerName}/{BrokerId} ({BrokerRole})";
}
