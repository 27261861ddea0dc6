using Rmq.Client.Broker;
using Rmq.E2E.Support;
using Rmq.Remoting.Transport;
using Rmq.Testcontainers;

namespace Rmq.E2E.Containers;

/// <summary>What every scenario relies on: brokers advertise a container address that clients on the host reach (again after a network cut), and a cluster leaves nothing behind.</summary>
[Collection(ContainerScenarios.Name)]
public class ClusterNetworkTests
{
    [Fact]
    public async Task Brokers_advertise_a_container_address_the_host_reaches_across_a_network_cut_and_the_cluster_removes_everything()
    {
        // Given a single-master cluster
        string networkName;
        string[] containerIds;
        await using (var cluster = new RmqClusterBuilder().WithPreset(RmqClusterPreset.Single).Build())
        {
            await cluster.StartAsync();
            var broker = Assert.Single(cluster.Brokers);
            networkName = cluster.Network.Name;
            containerIds = [cluster.NameServer.Id, broker.Id, broker.Machine!.Container.Id];

            // Then the broker runs the single set of `rmq conf new` with brokerIP1 = its fixed address on the cluster network
            await using var client = new BrokerClient();
            var config = await client.GetBrokerConfigAsync(broker.BrokerAddress);
            Assert.Equal(broker.AdvertisedIp, config["brokerIP1"]);
            Assert.Equal(("broker-a", "ASYNC_MASTER", "DefaultCluster"), (config["brokerName"], config["brokerRole"], config["brokerClusterName"]));
            Assert.Equal(cluster.NameServerAddress, config["namesrvAddr"]);
            Assert.StartsWith("10.213.", broker.AdvertisedIp, StringComparison.Ordinal);

            // and a client on the host gets that address from the name server and reaches the broker there
            await using var admin = new Rmq.Client.Admin.AdminClient(cluster.NameServerAddress);
            var info = await admin.GetClusterInfoAsync();
            Assert.Equal(broker.BrokerAddress, info.BrokerAddrTable["broker-a"].BrokerAddrs[0]);
            Assert.NotEmpty(await client.GetBrokerRuntimeInfoAsync(broker.BrokerAddress));

            // When the broker is cut off the network, nothing reaches it; reconnected, it answers at the same address
            await broker.DisconnectAsync();
            await using (var impatient = new BrokerClient(timeout: TimeSpan.FromSeconds(1)))
            {
                await Assert.ThrowsAnyAsync<RemotingException>(() => impatient.GetBrokerRuntimeInfoAsync(broker.BrokerAddress));
            }

            await broker.ReconnectAsync();
            Assert.True(await Eventually.TrueAsync(async () => (await client.GetBrokerRuntimeInfoAsync(broker.BrokerAddress)).Count > 0, TimeSpan.FromSeconds(10)),
                "the broker did not answer at its address after reconnecting");
        }

        // When the cluster is disposed, its containers and network are gone
        foreach (var id in containerIds)
        {
            Assert.False(await DockerResources.ContainerExistsAsync(id), $"container {id} was left behind");
        }

        Assert.False(await DockerResources.NetworkExistsAsync(networkName), $"network {networkName} was left behind");
    }
}
