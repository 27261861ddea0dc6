using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.Client.Tests;

public sealed class NameServerClientTests : IAsyncLifetime
{
    private const string Cluster = "DefaultCluster";
    private const string MasterAddr = "10.0.0.1:10911";
    private const string SlaveAddr = "10.0.0.2:10911";

    private InProcessNameServer _first = null!;
    private InProcessNameServer _second = null!;
    private RemotingClient _remoting = null!;
    private NameServerClient _client = null!;

    public async Task InitializeAsync()
    {
        _first = await InProcessNameServer.StartAsync();
        _second = await InProcessNameServer.StartAsync();
        _remoting = new RemotingClient(new RemotingClientOptions());
        _client = new NameServerClient($"{_first.Address};{_second.Address}", _remoting);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _remoting.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private static RegisterBrokerBody Body(params string[] topics)
    {
        var wrapper = new TopicConfigSerializeWrapper { DataVersion = new DataVersion(1_700_000_000_000, 1) };
        foreach (var topic in topics)
        {
            wrapper.TopicConfigTable[topic] = new TopicConfig { TopicName = topic, ReadQueueNums = 4, WriteQueueNums = 4, Perm = PermName.ReadWrite };
        }

        return new RegisterBrokerBody { TopicConfigSerializeWrapper = wrapper };
    }

    private async Task RegisterMasterAndSlaveAsync()
    {
        var master = await _client.RegisterBrokerAsync(Cluster, MasterAddr, "broker-a", 0, "10.0.0.1:10912", Body("TopicA", "TopicB"));
        Assert.All(master, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        var slave = await _client.RegisterBrokerAsync(Cluster, SlaveAddr, "broker-a", 1, "10.0.0.2:10912", Body("TopicA", "TopicB"));
        Assert.All(slave, r => Assert.Equal(MasterAddr, r.Value!.MasterAddr));
        Assert.Equal([_first.Address, _second.Address], slave.Select(r => r.Address));
    }

    [Fact]
    public async Task Registered_master_and_slave_show_in_route_and_cluster_info()
    {
        await RegisterMasterAndSlaveAsync();

        var route = await _client.GetTopicRouteAsync("TopicA");
        var cluster = await _client.GetBrokerClusterInfoAsync();

        var broker = Assert.Single(route.BrokerDatas);
        Assert.Equal("broker-a", broker.BrokerName);
        Assert.Equal(MasterAddr, broker.BrokerAddrs[0]);
        Assert.Equal(SlaveAddr, broker.BrokerAddrs[1]);
        var queue = Assert.Single(route.QueueDatas);
        Assert.Equal((4, 4, PermName.ReadWrite), (queue.ReadQueueNums, queue.WriteQueueNums, queue.Perm));
        Assert.Equal(["broker-a"], cluster.ClusterAddrTable[Cluster]);
        Assert.Equal(2, cluster.BrokerAddrTable["broker-a"].BrokerAddrs.Count);
    }

    [Fact]
    public async Task Unknown_topic_throws_code_17()
    {
        await RegisterMasterAndSlaveAsync();

        var error = await Assert.ThrowsAsync<MQClientException>(() => _client.GetTopicRouteAsync("NoSuchTopic"));

        Assert.Equal(ResponseCode.TopicNotExist, error.Code);
        Assert.NotNull(error.Remark);
        Assert.Equal(_first.Address, error.Address);
    }

    [Fact]
    public async Task Wipe_and_add_write_perm_apply_to_every_name_server()
    {
        await RegisterMasterAndSlaveAsync();

        var wiped = await _client.WipeWritePermOfBrokerAsync("broker-a");
        var perms = await Task.WhenAll(
            new NameServerClient(_first.Address, _remoting).GetTopicRouteAsync("TopicA"),
            new NameServerClient(_second.Address, _remoting).GetTopicRouteAsync("TopicA"));
        var added = await _client.AddWritePermOfBrokerAsync("broker-a");
        var after = await new NameServerClient(_second.Address, _remoting).GetTopicRouteAsync("TopicB");

        Assert.Equal([2, 2], wiped.Select(r => r.Value));
        Assert.All(perms, route => Assert.Equal(PermName.Read, route.QueueDatas[0].Perm));
        Assert.Equal([2, 2], added.Select(r => r.Value));
        Assert.Equal(PermName.ReadWrite, after.QueueDatas[0].Perm);
    }

    [Fact]
    public async Task Kv_config_put_get_list_delete()
    {
        var put = await _client.PutKvConfigAsync("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4");
        var value = await _client.GetKvConfigAsync("ORDER_TOPIC_CONFIG", "TopicA");
        var list = await _client.GetKvListByNamespaceAsync("ORDER_TOPIC_CONFIG");
        var onSecond = await new NameServerClient(_second.Address, _remoting).GetKvConfigAsync("ORDER_TOPIC_CONFIG", "TopicA");
        var deleted = await _client.DeleteKvConfigAsync("ORDER_TOPIC_CONFIG", "TopicA");
        var gone = await _client.GetKvConfigAsync("ORDER_TOPIC_CONFIG", "TopicA");

        Assert.All(put, r => Assert.True(r.Succeeded));
        Assert.Equal("broker-a:4", value);
        Assert.Equal("broker-a:4", list["TopicA"]);
        Assert.Equal("broker-a:4", onSecond);
        Assert.All(deleted, r => Assert.True(r.Succeeded));
        Assert.Null(gone);
    }

    [Fact]
    public async Task Topic_listing_and_deletion()
    {
        await RegisterMasterAndSlaveAsync();

        var all = await _client.GetAllTopicListAsync();
        var byCluster = await _client.GetTopicsByClusterAsync(Cluster);
        var deleted = await _client.DeleteTopicAsync("TopicB");
        var error = await Assert.ThrowsAsync<MQClientException>(() => _client.GetTopicRouteAsync("TopicB"));

        Assert.Superset(new SortedSet<string> { "TopicA", "TopicB" }, all.Topics);
        Assert.Superset(new SortedSet<string> { "TopicA", "TopicB" }, byCluster.Topics);
        Assert.All(deleted, r => Assert.True(r.Succeeded));
        Assert.Equal(ResponseCode.TopicNotExist, error.Code);
    }

    [Fact]
    public async Task Namesrv_config_reads_from_every_name_server_and_updates()
    {
        var update = await _client.UpdateNamesrvConfigAsync(new Dictionary<string, string> { ["orderMessageEnable"] = "true" });
        var configs = await _client.GetNamesrvConfigAsync();

        Assert.All(update, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(2, configs.Count);
        Assert.All(configs, r => Assert.Equal("true", r.Value!["orderMessageEnable"]));
    }

    [Fact]
    public async Task Unreachable_first_name_server_falls_through_to_the_next()
    {
        await RegisterMasterAndSlaveAsync();
        await using var client = new NameServerClient($"127.0.0.1:1;{_first.Address}", _remoting);

        var route = await client.GetTopicRouteAsync("TopicA");
        var perNameServer = await client.WipeWritePermOfBrokerAsync("broker-a");

        Assert.Equal("broker-a", route.BrokerDatas[0].BrokerName);
        Assert.False(perNameServer[0].Succeeded);
        Assert.True(perNameServer[1].Succeeded);
    }

    [Fact]
    public async Task Unregistered_broker_leaves_the_route()
    {
        await RegisterMasterAndSlaveAsync();

        await _client.UnregisterBrokerAsync(Cluster, SlaveAddr, "broker-a", 1);
        var route = await _client.GetTopicRouteAsync("TopicA");

        Assert.Equal([0L], route.BrokerDatas[0].BrokerAddrs.Keys);
    }

    [Fact]
    public void Address_list_parses_separators_and_falls_back_to_the_environment()
    {
        Assert.Equal(["a:9876", "b:9876"], NameServerAddresses.Parse("a:9876; b:9876"));
        Assert.Equal(["a:9876"], NameServerAddresses.Parse("a:9876;a:9876"));
    }
}
