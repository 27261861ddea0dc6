using Rmq.Client.Admin;
using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Tests;

public sealed class AdminClientTests : IAsyncLifetime
{
    // Nothing listens on port 1: broker calls fail fast with a connection error.
    private const string DeadBroker = "127.0.0.1:1";

    private InProcessNameServer _nameServer = null!;
    private AdminClient _admin = null!;

    public async Task InitializeAsync()
    {
        _nameServer = await InProcessNameServer.StartAsync();
        _admin = new AdminClient(_nameServer.Address, TimeSpan.FromSeconds(3));
        var wrapper = new TopicConfigSerializeWrapper { DataVersion = new DataVersion(1, 1) };
        wrapper.TopicConfigTable["TopicA"] = new TopicConfig { TopicName = "TopicA", ReadQueueNums = 2, WriteQueueNums = 2 };
        var registered = await _admin.NameServer.RegisterBrokerAsync("ClusterX", DeadBroker, "broker-a", 0, "127.0.0.1:2", new RegisterBrokerBody { TopicConfigSerializeWrapper = wrapper });
        Assert.True(registered[0].Succeeded);
    }

    public async Task DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _nameServer.DisposeAsync();
    }

    [Fact]
    public async Task Cluster_list_reports_an_unreachable_broker_as_a_row_with_an_error()
    {
        var rows = await _admin.ClusterListAsync();

        var row = Assert.Single(rows);
        Assert.Equal(("ClusterX", "broker-a", 0L, DeadBroker), (row.Cluster, row.BrokerName, row.BrokerId, row.Address));
        Assert.Null(row.RuntimeInfo);
        Assert.NotNull(row.Error);
    }

    [Fact]
    public async Task Fleet_topic_creation_reports_per_broker_instead_of_throwing()
    {
        var results = await _admin.CreateOrUpdateTopicAsync(new TopicConfig { TopicName = "TopicB" }, clusterName: "ClusterX");

        var result = Assert.Single(results);
        Assert.Equal(("broker-a", DeadBroker, false), (result.BrokerName, result.Address, result.Succeeded));
    }

    [Fact]
    public async Task Topic_list_route_and_write_perm_go_through_the_name_server()
    {
        var topics = await _admin.TopicListAsync();
        var byCluster = await _admin.TopicListAsync("ClusterX");
        var route = await _admin.TopicRouteAsync("TopicA");
        var wiped = await _admin.WipeWritePermAsync("broker-a");
        var added = await _admin.AddWritePermAsync("broker-a");

        Assert.Contains("TopicA", topics);
        Assert.Contains("TopicA", byCluster);
        Assert.Equal(DeadBroker, route.BrokerDatas[0].MasterAddr);
        Assert.Equal(1, Assert.Single(wiped).Value);
        Assert.Equal(1, Assert.Single(added).Value);
    }

    [Fact]
    public async Task Brokers_resolve_by_cluster_or_address()
    {
        var byCluster = await _admin.ResolveBrokersAsync(null, "ClusterX", mastersOnly: true);
        var byAddress = await _admin.ResolveBrokersAsync(DeadBroker, null, mastersOnly: true);

        Assert.Equal([("broker-a", DeadBroker)], byCluster);
        Assert.Equal([("broker-a", DeadBroker)], byAddress);
        await Assert.ThrowsAsync<MQClientException>(() => _admin.ResolveBrokersAsync(null, "NoCluster", mastersOnly: true));
    }

    [Fact]
    public async Task Kv_and_namesrv_config_round_trip()
    {
        await _admin.PutKvConfigAsync("NS", "k", "v");

        Assert.Equal("v", await _admin.GetKvConfigAsync("NS", "k"));
        Assert.Equal("v", (await _admin.GetKvListAsync("NS"))["k"]);
        Assert.True(Assert.Single(await _admin.GetNamesrvConfigAsync()).Succeeded);
    }

    [Fact]
    public async Task Unknown_topic_status_is_code_17()
    {
        var error = await Assert.ThrowsAsync<MQClientException>(() => _admin.TopicStatusAsync("Nope"));

        Assert.Equal(ResponseCode.TopicNotExist, error.Code);
    }
}
