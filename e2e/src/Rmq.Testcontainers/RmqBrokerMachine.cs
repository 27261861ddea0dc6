using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;

namespace Rmq.Testcontainers;

/// <summary>
/// The "machine" a broker runs on: a container that only holds a network namespace (<c>/bin/sleep infinity</c>) at a
/// fixed address on the cluster network; the broker container joins it (<c>--network container:&lt;machine&gt;</c>).
/// Killing or stopping the broker then leaves the address up, as a host whose broker process died: clients get
/// "connection refused" at once and retry elsewhere, instead of waiting out a connect timeout on an address that
/// vanished. Cutting the machine off the network cuts the broker off.
/// </summary>
public sealed class RmqBrokerMachine : IAsyncDisposable
{
    private RmqBrokerMachine(IContainer container, INetwork network, string ipAddress)
    {
        Container = container;
        Network = network;
        IpAddress = ipAddress;
    }

    public IContainer Container { get; }

    public INetwork Network { get; }

    /// <summary>The fixed IPv4 address on <see cref="Network"/> (the broker's brokerIP1).</summary>
    public string IpAddress { get; }

    /// <summary>A machine at <paramref name="ipAddress"/> on <paramref name="network"/> (which needs a subnet of its own); start it before its broker.</summary>
    public static RmqBrokerMachine Create(INetwork network, string ipAddress, string image = RmqImage.Default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(ipAddress);
        var container = new ContainerBuilder(image)
            .WithEntrypoint("/bin/sleep")
            .WithCommand("infinity")
            .WithNetwork(network)
            .WithCreateParameterModifier(p => FixedAddress.Apply(p, network.Name, ipAddress))
            .Build();
        return new RmqBrokerMachine(container, network, ipAddress);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Container.StartAsync(cancellationToken);

    /// <summary>Takes the machine (and the broker in it) off the network: peers get no answer, connections are not closed.</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken = default) =>
        DockerEngine.DisconnectAsync(Network.Name, Container.Id, cancellationToken);

    /// <summary>Puts the machine back on the network at the same address.</summary>
    public Task ReconnectAsync(CancellationToken cancellationToken = default) =>
        DockerEngine.ConnectAsync(Network.Name, Container.Id, IpAddress, cancellationToken);

    public ValueTask DisposeAsync() => Container.DisposeAsync();
}
