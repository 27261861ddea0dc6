using Rmq.NameServer.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using static Rmq.NameServer.Tests.Support.NameServerHarness;

namespace Rmq.NameServer.Tests;

public class BrokerRegistrationTests
{
    private static readonly DataVersion V1 = new(1700000000000, 1);

    [Fact]
    public async Task Slave_registering_after_its_master_learns_the_master_and_ha_addresses()
    {
        await using var ns = new NameServerHarness();

        var master = await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));
        var slave = await ns.RegisterAsync("broker-a", SlaveAddr, 1, SlaveHaAddr, Topics(V1, Topic("TopicTest")));

        var masterAnswer = master.ReadHeader<RegisterBrokerResponseHeader>();
        Assert.Null(masterAnswer.MasterAddr);
        Assert.Null(masterAnswer.HaServerAddr);
        var slaveAnswer = slave.ReadHeader<RegisterBrokerResponseHeader>();
        Assert.Equal(MasterAddr, slaveAnswer.MasterAddr);
        Assert.Equal(MasterHaAddr, slaveAnswer.HaServerAddr);
    }

    [Fact]
    public async Task Slave_registering_without_a_master_gets_no_master_address()
    {
        await using var ns = new NameServerHarness();

        var slave = await ns.RegisterAsync("broker-a", SlaveAddr, 1, SlaveHaAddr, Topics(V1, Topic("TopicTest")));

        Assert.Null(slave.ReadHeader<RegisterBrokerResponseHeader>().MasterAddr);
    }

    [Fact]
    public async Task Registration_answers_the_order_topic_kv_table_as_its_body()
    {
        await using var ns = new NameServerHarness();
        ns.Controller.KvConfig.Put("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4");

        var response = await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1));

        Assert.Equal("""{"table":{"TopicA":"broker-a:4"}}""", Text(response));
    }

    [Fact]
    public async Task Registration_without_order_topics_answers_an_empty_body()
    {
        await using var ns = new NameServerHarness();

        var response = await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1));

        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public async Task Crc_mismatch_is_a_system_error_and_registers_nothing()
    {
        await using var ns = new NameServerHarness();
        var request = RegisterRequest("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")), crc: 12345);

        var response = await ns.SendAsync(request);

        Assert.Equal(ResponseCode.SystemError, response.Code);
        Assert.Equal("crc32 not match", response.Remark);
        Assert.Empty(ns.Controller.Routes.GetClusterInfo().BrokerAddrTable);
    }

    [Fact]
    public async Task Crc_zero_is_not_checked()
    {
        await using var ns = new NameServerHarness();

        var response = await ns.SendAsync(RegisterRequest("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")), crc: 0));

        Assert.Equal(ResponseCode.Success, response.Code);
    }

    [Fact]
    public async Task Compressed_body_registers_its_topics()
    {
        await using var ns = new NameServerHarness();
        var request = RegisterRequest("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicZ", queues: 4)), compressed: true);
        Assert.Equal("true", request.GetExtField("compressed"));

        var response = await ns.SendAsync(request, new TestChannel("10.0.0.1:40001"));

        Assert.Equal(ResponseCode.Success, response.Code);
        var route = await ns.GetRouteDataAsync("TopicZ");
        Assert.Equal(4, Assert.Single(route.QueueDatas).WriteQueueNums);
    }

    [Fact]
    public async Task Old_brokers_send_a_bare_topic_config_wrapper()
    {
        await using var ns = new NameServerHarness();
        var body = Topics(V1, Topic("OldTopic")).Encode();
        var request = RemotingCommand.CreateRequest(RequestCode.RegisterBroker, new RegisterBrokerRequestHeader
        {
            BrokerName = "broker-a", BrokerAddr = MasterAddr, ClusterName = Cluster, HaServerAddr = MasterHaAddr, BrokerId = 0,
        }, body);
        request.Version = RemotingVersion.V3_0_11 - 1;

        var response = await ns.SendAsync(request, new TestChannel("10.0.0.1:40001"));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Single((await ns.GetRouteDataAsync("OldTopic")).QueueDatas);
    }

    [Fact]
    public async Task A_request_without_a_required_field_fails_with_rocketmqs_remark()
    {
        await using var ns = new NameServerHarness();
        var request = RemotingCommand.CreateRequest(RequestCode.RegisterBroker).WithExtField("brokerName", "broker-a");

        var e = await Assert.ThrowsAsync<RemotingCommandException>(() => ns.SendAsync(request));

        Assert.Equal("the custom field <brokerAddr> is null", e.Message);
    }

    [Fact]
    public async Task Periodic_registration_with_an_unchanged_version_does_not_undo_a_wipe()
    {
        await using var ns = new NameServerHarness();
        var topics = Topics(V1, Topic("TopicTest"));
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, topics);
        ns.Controller.Routes.WipeWritePermOfBroker("broker-a");

        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, topics);

        Assert.Equal(PermName.Read, (await ns.GetRouteDataAsync("TopicTest")).QueueDatas[0].Perm);
    }

    [Fact]
    public async Task Registration_with_a_changed_version_rewrites_the_queue_data()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));
        ns.Controller.Routes.WipeWritePermOfBroker("broker-a");

        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1.Next(1700000001000), Topic("TopicTest", queues: 16)));

        var queue = (await ns.GetRouteDataAsync("TopicTest")).QueueDatas[0];
        Assert.Equal(PermName.ReadWrite, queue.Perm);
        Assert.Equal(16, queue.WriteQueueNums);
    }

    [Fact]
    public async Task Slaves_do_not_write_queue_data()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));

        await ns.RegisterAsync("broker-a", SlaveAddr, 1, SlaveHaAddr, Topics(V1, Topic("TopicTest", perm: 4), Topic("SlaveOnly")));

        var route = await ns.GetRouteDataAsync("TopicTest");
        Assert.Equal(6, route.QueueDatas[0].Perm);
        Assert.Equal(ResponseCode.TopicNotExist, (await ns.GetRouteAsync("SlaveOnly")).Code);
    }

    [Fact]
    public async Task An_address_registered_under_a_new_id_loses_its_old_id()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", SlaveAddr, 1, SlaveHaAddr, Topics(V1));

        await ns.RegisterAsync("broker-a", SlaveAddr, 0, SlaveHaAddr, Topics(V1, Topic("TopicTest")));

        var addrs = ns.Controller.Routes.GetClusterInfo().BrokerAddrTable["broker-a"].BrokerAddrs;
        Assert.Equal(SlaveAddr, Assert.Single(addrs).Value);
        Assert.Equal(0, addrs.Keys.Single());
    }

    [Fact]
    public async Task Unregister_removes_the_address_and_with_the_last_one_the_broker_and_its_topics()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));
        await ns.RegisterAsync("broker-a", SlaveAddr, 1, SlaveHaAddr, Topics(V1));

        await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.UnregisterBroker, new UnregisterBrokerRequestHeader("broker-a", SlaveAddr, Cluster, 1)));
        Assert.Equal(ResponseCode.Success, (await ns.GetRouteAsync("TopicTest")).Code);

        await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.UnregisterBroker, new UnregisterBrokerRequestHeader("broker-a", MasterAddr, Cluster, 0)));
        Assert.Equal(ResponseCode.TopicNotExist, (await ns.GetRouteAsync("TopicTest")).Code);
        Assert.Empty(ns.Controller.Routes.GetClusterInfo().ClusterAddrTable);
    }

    [Fact]
    public async Task Query_data_version_reports_a_change_and_refreshes_liveness_when_unchanged()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));
        ns.Clock.Advance(TimeSpan.FromSeconds(100));

        var same = await ns.SendAsync(QueryDataVersion(V1));
        var changed = await ns.SendAsync(QueryDataVersion(V1.Next(1700000009000)));

        Assert.False(same.ReadHeader<QueryDataVersionResponseHeader>().Changed);
        Assert.Equal("false", same.GetExtField("changed"));
        Assert.Equal(V1, JsonBody.Decode<DataVersion>(same.Body.Span));
        Assert.True(changed.ReadHeader<QueryDataVersionResponseHeader>().Changed);
        Assert.Equal(ns.Clock.GetUtcNow(), ns.Controller.Routes.GetBrokerLiveInfo(MasterAddr)!.LastUpdate);

        ns.Clock.Advance(TimeSpan.FromSeconds(100));
        Assert.Empty(ns.Controller.Routes.ScanNotActiveBroker());
    }

    [Fact]
    public async Task Query_data_version_of_an_unknown_broker_is_changed_without_a_body()
    {
        await using var ns = new NameServerHarness();

        var response = await ns.SendAsync(QueryDataVersion(V1));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.True(response.ReadHeader<QueryDataVersionResponseHeader>().Changed);
        Assert.True(response.Body.IsEmpty);
    }

    private static RemotingCommand QueryDataVersion(DataVersion version) =>
        RemotingCommand.CreateRequest(RequestCode.QueryDataVersion, new QueryDataVersionRequestHeader("broker-a", MasterAddr, Cluster, 0), version.Encode());
}
