using System.Text;
using Rmq.NameServer.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers;

namespace Rmq.NameServer.Tests;

public class KvConfigTests
{
    [Fact]
    public async Task Put_get_list_and_delete_through_the_processors()
    {
        await using var ns = new NameServerHarness();

        var put = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.PutKvConfig, new PutKvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4;broker-b:4")));
        var get = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetKvConfig, new GetKvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicA")));
        var list = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetKvListByNamespace, new GetKvListByNamespaceRequestHeader("ORDER_TOPIC_CONFIG")));
        var delete = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.DeleteKvConfig, new DeleteKvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicA")));
        var missing = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetKvConfig, new GetKvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicA")));

        Assert.Equal(ResponseCode.Success, put.Code);
        Assert.Equal("broker-a:4;broker-b:4", get.ReadHeader<GetKvConfigResponseHeader>().Value);
        Assert.Equal("""{"table":{"TopicA":"broker-a:4;broker-b:4"}}""", NameServerHarness.Text(list));
        Assert.Equal(ResponseCode.Success, delete.Code);
        Assert.Equal(ResponseCode.QueryNotFound, missing.Code);
        Assert.Equal("No config item, Namespace: ORDER_TOPIC_CONFIG Key: TopicA", missing.Remark);
    }

    [Fact]
    public async Task Listing_an_absent_namespace_answers_query_not_found()
    {
        await using var ns = new NameServerHarness();

        var list = await ns.SendAsync(RemotingCommand.CreateRequest(RequestCode.GetKvListByNamespace, new GetKvListByNamespaceRequestHeader("NOPE")));

        Assert.Equal(ResponseCode.QueryNotFound, list.Code);
        Assert.Equal("No config item, Namespace: NOPE", list.Remark);
    }

    [Fact]
    public async Task Config_survives_a_restart_and_is_stored_in_rocketmqs_shape()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rmq-namesrv-" + Guid.NewGuid().ToString("N"));
        await using (var first = new NameServerHarness(directory))
        {
            first.Controller.Start();
            first.Controller.KvConfig.Put("ns1", "k1", "v1");
            first.Controller.KvConfig.Put("ns1", "k2", "v2");
            first.Controller.KvConfig.Delete("ns1", "k2");

            Assert.Equal("""{"configTable":{"ns1":{"k1":"v1"}}}""", File.ReadAllText(first.Options.KvConfigPath, Encoding.UTF8));
            Assert.True(File.Exists(first.Options.KvConfigPath + ".bak"));
            Assert.False(File.Exists(first.Options.KvConfigPath + ".tmp"));

            var copy = Path.Combine(Path.GetTempPath(), "rmq-namesrv-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(copy);
            File.Copy(first.Options.KvConfigPath, Path.Combine(copy, "kvConfig.json"));
            await using var second = new NameServerHarness(copy);
            second.Controller.Start();

            Assert.Equal("v1", second.Controller.KvConfig.Get("ns1", "k1"));
            Assert.Null(second.Controller.KvConfig.Get("ns1", "k2"));
        }
    }

    [Fact]
    public async Task A_file_written_by_java_with_tabs_is_loaded()
    {
        await using var ns = new NameServerHarness();
        File.WriteAllText(ns.Options.KvConfigPath, "{\n\t\"configTable\":{\n\t\t\"ORDER_TOPIC_CONFIG\":{\n\t\t\t\"TopicA\":\"broker-a:4\"\n\t\t}\n\t}\n}");

        ns.Controller.Start();

        Assert.Equal("broker-a:4", ns.Controller.KvConfig.Get("ORDER_TOPIC_CONFIG", "TopicA"));
    }

    [Fact]
    public async Task A_corrupt_file_refuses_to_start()
    {
        await using var ns = new NameServerHarness();
        File.WriteAllText(ns.Options.KvConfigPath, "{\"configTable\":{");

        Assert.Throws<Remoting.Json.FjException>(ns.Controller.Start);
        Assert.False(ns.Controller.IsStarted);
    }
}
