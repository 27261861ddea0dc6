using System.Text;
using Rmq.NameServer.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using static Rmq.NameServer.Tests.Support.NameServerHarness;

namespace Rmq.NameServer.Tests;

public class TopicAdminTests
{
    private static readonly DataVersion V1 = new(1700000000000, 1);

    private static async Task<NameServerHarness> TwoClustersAsync()
    {
        var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("Shared"), Topic("OnlyA", sysFlag: TopicSysFlag.Unit)));
        await ns.RegisterAsync("broker-b", "10.0.1.1:10911", 0, "10.0.1.1:10912", Topics(V1, Topic("Shared"), Topic("OnlyB", sysFlag: TopicSysFlag.UnitSub)), cluster: "OtherCluster");
        return ns;
    }

    [Fact]
    public async Task Delete_without_a_cluster_removes_the_topic_everywhere()
    {
        await using var ns = await TwoClustersAsync();

        var response = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.DeleteTopicInNamesrv, new DeleteTopicFromNamesrvRequestHeader("Shared")));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal(ResponseCode.TopicNotExist, (await ns.GetRouteAsync("Shared")).Code);
    }

    [Fact]
    public async Task Delete_by_cluster_removes_only_that_clusters_brokers()
    {
        await using var ns = await TwoClustersAsync();

        await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.DeleteTopicInNamesrv, new DeleteTopicFromNamesrvRequestHeader("Shared", Cluster)));

        var route = await ns.GetRouteDataAsync("Shared");
        Assert.Equal("broker-b", Assert.Single(route.QueueDatas).BrokerName);
        Assert.Equal("broker-b", Assert.Single(route.BrokerDatas).BrokerName);

        await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.DeleteTopicInNamesrv, new DeleteTopicFromNamesrvRequestHeader("Shared", "OtherCluster")));
        Assert.DoesNotContain("Shared", ns.Controller.Routes.GetAllTopicList().Topics);
    }

    [Fact]
    public async Task Topic_lists_all_by_cluster_system_and_unit()
    {
        await using var ns = await TwoClustersAsync();

        var all = JsonBody.Decode<TopicList>((await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetAllTopicListFromNameServer))).Body.Span);
        var byCluster = JsonBody.Decode<TopicList>((await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetTopicsByCluster, new GetTopicsByClusterRequestHeader("OtherCluster")))).Body.Span);
        var unknownCluster = JsonBody.Decode<TopicList>((await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetTopicsByCluster, new GetTopicsByClusterRequestHeader("Nope")))).Body.Span);
        var system = JsonBody.Decode<TopicList>((await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetSystemTopicListFromNs))).Body.Span);
        var unit = JsonBody.Decode<TopicList>((await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetUnitTopicList))).Body.Span);
        var unitSub = JsonBody.Decode<TopicList>((await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetHasUnitSubTopicList))).Body.Span);
        var unitSubUnunit = JsonBody.Decode<TopicList>((await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetHasUnitSubUnunitTopicList))).Body.Span);

        Assert.Equal(["OnlyA", "OnlyB", "Shared"], all.Topics);
        Assert.Equal(["OnlyB", "Shared"], byCluster.Topics);
        Assert.Empty(unknownCluster.Topics);
        Assert.Equal(["DefaultCluster", "OtherCluster", "broker-a", "broker-b"], system.Topics);
        Assert.NotNull(system.BrokerAddr);
        Assert.Equal(["OnlyA"], unit.Topics);
        Assert.Equal(["OnlyB"], unitSub.Topics);
        Assert.Equal(["OnlyB"], unitSubUnunit.Topics);
    }

    [Fact]
    public async Task Name_server_config_is_listed_updated_and_persisted_but_paths_are_refused()
    {
        await using var ns = new NameServerHarness();

        var get = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetNamesrvConfig));
        var update = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.UpdateNamesrvConfig, body: Encoding.UTF8.GetBytes("orderMessageEnable=true\nproductEnvName=test\n")));
        var refused = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.UpdateNamesrvConfig, body: Encoding.UTF8.GetBytes("kvConfigPath=/tmp/evil.json")));

        Assert.Contains("orderMessageEnable=false\n", Text(get), StringComparison.Ordinal);
        Assert.Contains("kvConfigPath=" + ns.Options.KvConfigPath + "\n", Text(get), StringComparison.Ordinal);
        Assert.Equal(ResponseCode.Success, update.Code);
        Assert.Equal("true", ns.Controller.Config.Get("orderMessageEnable"));
        Assert.Contains("productEnvName=test", File.ReadAllText(ns.Options.ConfigStorePath), StringComparison.Ordinal);
        Assert.Equal(ResponseCode.NoPermission, refused.Code);
        Assert.Equal("Can not update config path", refused.Remark);
        Assert.Equal(ns.Options.KvConfigPath, ns.Controller.Config.Get("kvConfigPath"));
    }

    [Fact]
    public async Task Enabling_order_messages_at_runtime_adds_order_topic_conf_to_routes()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));
        ns.Controller.KvConfig.Put("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:8");

        await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.UpdateNamesrvConfig, body: Encoding.UTF8.GetBytes("orderMessageEnable=true")));

        Assert.Equal("broker-a:8", (await ns.GetRouteDataAsync("TopicTest")).OrderTopicConf);
    }
}
