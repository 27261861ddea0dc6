using DotNet.Testcontainers.Builders;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;
using Rmq.Testcontainers;

namespace Rmq.E2E.Containers;

/// <summary>The rmq image as a name server container, reached from the host through its mapped port.</summary>
public class NameServerContainerTests
{
    [Fact]
    public async Task A_name_server_container_answers_clients_on_the_host_and_stops_cleanly()
    {
        // Given an rmq name server container on its own network
        await using var network = new NetworkBuilder().WithName("rmq-test-" + Guid.NewGuid().ToString("N")[..8]).Build();
        await network.CreateAsync();
        await using var namesrv = new RmqNameServerBuilder().WithNetwork(network).WithNetworkAliases("namesrv").Build();
        await namesrv.StartAsync();
        await using var client = new RemotingClient(new RemotingClientOptions());

        // Then a client on the host gets RocketMQ's answers through the mapped port
        var route = await client.InvokeAsync(namesrv.GetNameServerAddress(),
            RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic).WithExtField("topic", "NoSuchTopic"), TimeSpan.FromSeconds(5));
        Assert.Equal(ResponseCode.TopicNotExist, route.Code);
        var cluster = await client.InvokeAsync(namesrv.GetNameServerAddress(), RemotingCommand.CreateRequest(RequestCode.GetBrokerClusterInfo), TimeSpan.FromSeconds(5));
        Assert.Equal(ResponseCode.Success, cluster.Code);
        Assert.Empty(JsonBody.Decode<ClusterInfo>(cluster.Body.Span).BrokerAddrTable);

        // When docker stops it (SIGTERM), it exits 0
        await namesrv.StopAsync();
        Assert.Equal(0, await namesrv.GetExitCodeAsync());
    }
}
