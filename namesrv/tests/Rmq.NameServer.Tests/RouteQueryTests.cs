using Rmq.NameServer.Processors;
using Rmq.NameServer.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using static Rmq.NameServer.Tests.Support.NameServerHarness;

namespace Rmq.NameServer.Tests;

public class RouteQueryTests
{
    private static readonly DataVersion V1 = new(1700000000000, 1);

    private const string LegacyRoute =
        """{"brokerDatas":[{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":{},"queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":8,"topicSysFlag":0,"writeQueueNums":8}]}""";

    private const string StandardRoute =
        """{"brokerDatas":[{"brokerAddrs":{"0":"10.0.0.1:10911","1":"10.0.0.2:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":{},"queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":8,"topicSysFlag":0,"writeQueueNums":8}]}""";

    private static async Task<NameServerHarness> MasterAndSlaveAsync(bool orderMessageEnable = false)
    {
        var ns = new NameServerHarness(orderMessageEnable: orderMessageEnable);
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));
        await ns.RegisterAsync("broker-a", SlaveAddr, 1, SlaveHaAddr, Topics(V1, Topic("TopicTest")));
        return ns;
    }

    [Theory]
    [InlineData(RemotingVersion.V3_4_9)] // ali-ons
    [InlineData(317)] // Go v2
    [InlineData(RemotingVersion.V4_9_4 - 1)]
    public async Task Clients_below_401_get_the_legacy_route_with_unquoted_broker_ids(int version)
    {
        await using var ns = await MasterAndSlaveAsync();

        var response = await ns.GetRouteAsync("TopicTest", version);

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal(LegacyRoute, Text(response));
        Assert.Contains("""{0:"10.0.0.1:10911",1:"10.0.0.2:10911"}""", Text(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RemotingVersion.V4_9_4, null)]
    [InlineData(RemotingVersion.V4_9_7, null)]
    [InlineData(317, true)]
    public async Task Clients_from_401_or_asking_for_it_get_the_standard_route(int version, bool? acceptStandardJsonOnly)
    {
        await using var ns = await MasterAndSlaveAsync();

        var response = await ns.GetRouteAsync("TopicTest", version, acceptStandardJsonOnly);

        Assert.Equal(StandardRoute, Text(response));
    }

    [Fact]
    public async Task Unknown_topic_answers_topic_not_exist_with_rocketmqs_remark()
    {
        await using var ns = await MasterAndSlaveAsync();

        var response = await ns.GetRouteAsync("NoSuchTopic");

        Assert.Equal(ResponseCode.TopicNotExist, response.Code);
        Assert.Equal("No topic route info in name server for the topic: NoSuchTopic\nSee http://rocketmq.apache.org/docs/faq/ for further details.", response.Remark);
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public async Task Order_topic_conf_is_added_only_when_order_messages_are_enabled()
    {
        await using var off = await MasterAndSlaveAsync();
        await using var on = await MasterAndSlaveAsync(orderMessageEnable: true);
        off.Controller.KvConfig.Put("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:8");
        on.Controller.KvConfig.Put("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:8");

        Assert.Null((await off.GetRouteDataAsync("TopicTest")).OrderTopicConf);
        Assert.Equal("broker-a:8", (await on.GetRouteDataAsync("TopicTest")).OrderTopicConf);
    }

    [Fact]
    public async Task Cluster_info_lists_the_broker_in_the_legacy_form()
    {
        await using var ns = await MasterAndSlaveAsync();
        var request = RemotingCommand.CreateRequest(RequestCode.GetBrokerClusterInfo);
        request.Version = RemotingVersion.V4_9_7;

        var response = await ns.SendAsync(request);

        Assert.Equal(
            """{"brokerAddrTable":{"broker-a":{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}},"clusterAddrTable":{"DefaultCluster":["broker-a"]}}""",
            Text(response));
    }

    [Fact]
    public async Task Wipe_leaves_perm_4_and_add_restores_6_with_topic_counts()
    {
        await using var ns = await MasterAndSlaveAsync();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1.Next(1700000000001), Topic("TopicTest"), Topic("Other")));

        var wipe = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.WipeWritePermOfBroker, new WipeWritePermOfBrokerRequestHeader("broker-a")));
        var afterWipe = await ns.GetRouteDataAsync("TopicTest");
        var add = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.AddWritePermOfBroker, new AddWritePermOfBrokerRequestHeader("broker-a")));
        var afterAdd = await ns.GetRouteDataAsync("TopicTest");

        Assert.Equal("2", wipe.GetExtField("wipeTopicCount"));
        Assert.Equal(4, afterWipe.QueueDatas[0].Perm);
        Assert.Equal(2, add.ReadHeader<AddWritePermOfBrokerResponseHeader>().AddTopicCount);
        Assert.Equal(6, afterAdd.QueueDatas[0].Perm);
    }

    [Fact]
    public async Task Wipe_of_an_unknown_broker_counts_zero()
    {
        await using var ns = await MasterAndSlaveAsync();

        var wipe = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.WipeWritePermOfBroker, new WipeWritePermOfBrokerRequestHeader("broker-x")));

        Assert.Equal(0, wipe.ReadHeader<WipeWritePermOfBrokerResponseHeader>().WipeTopicCount);
    }

    [Fact]
    public async Task Unknown_request_codes_answer_request_code_not_supported()
    {
        await using var ns = new NameServerHarness();

        var response = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.SendMessageV2));

        Assert.Equal(ResponseCode.RequestCodeNotSupported, response.Code);
    }

    [Fact]
    public async Task Every_name_server_code_is_registered()
    {
        await using var ns = new NameServerHarness();
        var registered = new Dictionary<int, Remoting.Processing.IRequestProcessor>();

        ns.Controller.Processors.RegisterTo((code, processor) => registered.Add(code, processor));

        int[] expected = [100, 101, 102, 103, 104, 105, 106, 205, 206, 216, 219, 224, 304, 311, 312, 313, 318, 319, 322, 327];
        Assert.Equal(expected, registered.Keys.Order());
        Assert.IsType<RouteInfoProcessor>(registered[105]);
    }
}
