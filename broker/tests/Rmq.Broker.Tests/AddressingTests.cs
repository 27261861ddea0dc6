using Rmq.Broker.Tests.Support;

namespace Rmq.Broker.Tests;

/// <summary>What a broker advertises to the name server can differ from what it binds (containers, NAT).</summary>
public class AddressingTests
{
    [Fact]
    public async Task A_broker_registers_its_advertised_address_and_still_serves_on_the_port_it_binds()
    {
        // Given a broker bound to an ephemeral port on 127.0.0.1 that advertises 203.0.113.7:45678 and HA on 198.51.100.9
        await using var cluster = await BrokerCluster.StartAsync(o => o with
        {
            Network = o.Network with { BrokerIP1 = "203.0.113.7", BrokerIP2 = "198.51.100.9", AdvertisedListenPort = 45678 },
        });
        await cluster.CreateTopicAsync("NatTopic", queues: 1);

        // Then the route names the advertised address, not the bound one
        var route = await cluster.WaitForRouteAsync("NatTopic");
        Assert.NotNull(route);
        Assert.Equal("203.0.113.7:45678", Assert.Single(route!.BrokerDatas).BrokerAddrs[0]);
        Assert.StartsWith("198.51.100.9:", cluster.Broker.State.HaServerAddress, StringComparison.Ordinal);

        // And the broker still answers on the port it bound
        var sent = await cluster.SendAsync("NatTopic", "through the mapped port", queueId: 0);
        Assert.Equal(0, sent.QueueOffset);
    }
}
