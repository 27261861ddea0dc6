using DotNet.Testcontainers.Builders;
using Rmq.Client.Broker;
using Rmq.Client.NameServer;
using Rmq.E2E.Support;
using Rmq.Testcontainers;

namespace Rmq.E2E.Containers;

/// <summary>The rmq image as a single broker container (no cluster), reached from the host through its mapped port.</summary>
[Collection(ContainerScenarios.Name)]
public class BrokerContainerTests
{
    [Fact]
    public async Task A_broker_container_registers_with_its_name_server_answers_on_its_mapped_port_and_stops_cleanly()
    {
        // Given a name server container and a broker container with its own properties on one network
        await using var network = new NetworkBuilder().WithName("rmq-test-" + Guid.NewGuid().ToString("N")[..8]).Build();
        await network.CreateAsync();
        await using var namesrv = new RmqNameServerBuilder().WithNetwork(network).Build();
        await namesrv.StartAsync();
        await using var broker = new RmqBrokerBuilder()
            .WithNetwork(network)
            .WithBrokerProperties($"brokerClusterName=SoloCluster\nbrokerName=broker-solo\nbrokerId=0\nnamesrvAddr={namesrv.IpAddress}:9876\n")
            .Build();
        await broker.StartAsync();

        // Then the broker answers through its mapped port and the name server lists it
        await using var client = new BrokerClient();
        var config = await client.GetBrokerConfigAsync(broker.GetMappedBrokerAddress());
        Assert.Equal("broker-solo", config["brokerName"]);
        await using var nameServer = new NameServerClient(namesrv.GetNameServerAddress());
        Assert.True(await Eventually.TrueAsync(async () =>
            (await nameServer.GetBrokerClusterInfoAsync()).BrokerAddrTable.ContainsKey("broker-solo"), TimeSpan.FromSeconds(15)),
            "the name server never listed broker-solo");

        // When docker stops it (SIGTERM), it exits 0
        await broker.StopAsync();
        Assert.Equal(0, await broker.GetExitCodeAsync());
    }
}
