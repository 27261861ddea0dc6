using System.Text.Json;
using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Tests.Admin;

/// <summary>
/// The name-server commands against two in-process name servers; a registered broker that does not listen stands
/// in for a broker where only its registration matters.
/// </summary>
public sealed class NameServerCommandTests : IAsyncLifetime
{
    private NameServers _ns = null!;
    private string _fakeBroker = null!;

    public async Task InitializeAsync()
    {
        _ns = await NameServers.StartAsync(2);
        _fakeBroker = "127.0.0.1:" + AdminRun.ClosedPort();
        await _ns.RegisterFakeBrokerAsync("ClusterX", "broker-x", _fakeBroker, "TopicA", "TopicB", "%RETRY%GroupA");
    }

    public async Task DisposeAsync() => await _ns.DisposeAsync();

    [Fact]
    public async Task TopicList_prints_one_topic_per_line_and_json_lists_them()
    {
        var table = await AdminRun.RunAsync("topicList", "-n", _ns.List);
        var json = await AdminRun.RunAsync("topicList", "-n", _ns.List, "--output", "json");

        Assert.Equal(0, table.ExitCode);
        Assert.Equal(["%RETRY%GroupA", "TopicA", "TopicB"], table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(["%RETRY%GroupA", "TopicA", "TopicB"], json.Json.GetProperty("topics").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TopicList_c_prints_cluster_topic_and_group_columns_without_retry_topics()
    {
        var result = await AdminRun.RunAsync("topicList", "-c", "-n", _ns.List);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("#Cluster Name".PadRight(20) + "  " + "#Topic".PadRight(48) + "  " + "#Consumer Group".PadRight(48), lines[0]);
        Assert.Contains("ClusterX".PadRight(20) + "  " + "TopicA".PadRight(64) + "  " + new string(' ', 64), lines);
        Assert.DoesNotContain(lines, l => l.Contains("%RETRY%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TopicRoute_prints_fastjson_pretty_text_the_l_table_and_json()
    {
        var pretty = await AdminRun.RunAsync("topicRoute", "-t", "TopicA", "-n", _ns.List);
        var list = await AdminRun.RunAsync("topicRoute", "-t", "TopicA", "-l", "-n", _ns.List);
        var json = await AdminRun.RunAsync("topicRoute", "-t", "TopicA", "-n", _ns.List, "--output", "json");

        Assert.Equal(0, pretty.ExitCode);
        Assert.Contains("\t\"brokerDatas\":[\n\t\t{\n\t\t\t\"brokerAddrs\":{0:\"" + _fakeBroker + "\"},\n\t\t\t\"brokerName\":\"broker-x\",\n\t\t\t\"cluster\":\"ClusterX\"", pretty.Out, StringComparison.Ordinal);
        Assert.Contains("\t\t\t\"perm\":6,\n\t\t\t\"readQueueNums\":4,", pretty.Out, StringComparison.Ordinal);

        Assert.Equal(0, list.ExitCode);
        var rows = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("#ClusterName" + new string(' ', 34) + "#BrokerName", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("ClusterX".PadRight(45) + " " + "broker-x".PadRight(32) + " " + ("{0=" + _fakeBroker + "}").PadRight(50) + " 4          4           6", rows[1], StringComparison.Ordinal);
        Assert.Equal(new string('-', 158), rows[2]);
        Assert.StartsWith("Total:".PadRight(45) + " 1", rows[3], StringComparison.Ordinal);

        Assert.Equal(0, json.ExitCode);
        var broker = json.Json.GetProperty("brokerDatas")[0];
        Assert.Equal("broker-x", broker.GetProperty("brokerName").GetString());
        Assert.Equal(_fakeBroker, broker.GetProperty("brokerAddrs").GetProperty("0").GetString());
        Assert.Equal(6, json.Json.GetProperty("queueDatas")[0].GetProperty("perm").GetInt32());
    }

    [Fact]
    public async Task An_unknown_topic_exits_3_with_the_code_name_code_and_remark_on_stderr()
    {
        var table = await AdminRun.RunAsync("topicRoute", "-t", "NoSuchTopic", "-n", _ns.List);
        var json = await AdminRun.RunAsync("topicRoute", "-t", "NoSuchTopic", "-n", _ns.List, "--output", "json");

        Assert.Equal(3, table.ExitCode);
        Assert.Equal(string.Empty, table.Out);
        Assert.Contains("topicRoute command failed", table.Error, StringComparison.Ordinal);
        Assert.Contains("TOPIC_NOT_EXIST CODE: 17  DESC: ", table.Error, StringComparison.Ordinal);
        Assert.Equal(3, json.ExitCode);
        using var error = JsonDocument.Parse(json.Error);
        Assert.Equal(17, error.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("TOPIC_NOT_EXIST", error.RootElement.GetProperty("error").GetProperty("codeName").GetString());
    }

    [Fact]
    public async Task TopicClusterList_prints_the_cluster_of_the_topic()
    {
        var table = await AdminRun.RunAsync("topicClusterList", "-t", "TopicA", "-n", _ns.List);
        var json = await AdminRun.RunAsync("topicClusterList", "-t", "TopicA", "-n", _ns.List, "--output", "json");

        Assert.Equal(0, table.ExitCode);
        Assert.Equal("ClusterX\n", table.Out);
        Assert.Equal(["ClusterX"], json.Json.GetProperty("clusters").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task WipeWritePerm_and_addWritePerm_report_one_line_per_name_server_and_change_the_route_on_each()
    {
        var wipe = await AdminRun.RunAsync("wipeWritePerm", "-b", "broker-x", "-n", _ns.List);

        Assert.Equal(0, wipe.ExitCode);
        Assert.Equal(
            string.Concat(_ns.Addresses.Select(a => $"wipe write perm of broker[broker-x] in name server[{a}] OK, 3\n")),
            wipe.Out);
        foreach (var address in _ns.Addresses)
        {
            var client = new NameServerClient(address);
            await using var clientOwner = Bounded.Own(client);
            Assert.Equal(PermName.Read, (await client.GetTopicRouteAsync("TopicA")).QueueDatas.Single().Perm);
        }

        var add = await AdminRun.RunAsync("addWritePerm", "-b", "broker-x", "-n", _ns.List, "--output", "json");

        Assert.Equal(0, add.ExitCode);
        Assert.Equal(_ns.Addresses, add.Json.EnumerateArray().Select(e => e.GetProperty("target").GetString()));
        Assert.All(add.Json.EnumerateArray(), e => Assert.Equal(3, e.GetProperty("value").GetInt32()));
        foreach (var address in _ns.Addresses)
        {
            var client = new NameServerClient(address);
            await using var clientOwner = Bounded.Own(client);
            Assert.Equal(PermName.ReadWrite, (await client.GetTopicRouteAsync("TopicA")).QueueDatas.Single().Perm);
        }
    }

    [Fact]
    public async Task WipeWritePerm_with_one_name_server_down_prints_Failed_for_it_and_exits_5()
    {
        var down = "127.0.0.1:" + AdminRun.ClosedPort();

        var result = await AdminRun.RunAsync("wipeWritePerm", "-b", "broker-x", "-n", _ns.Addresses[0] + ";" + down);

        Assert.Equal(5, result.ExitCode);
        Assert.Equal(
            $"wipe write perm of broker[broker-x] in name server[{_ns.Addresses[0]}] OK, 3\nwipe write perm of broker[broker-x] in name server[{down}] Failed\n",
            result.Out);
    }

    [Fact]
    public async Task UpdateKvConfig_and_deleteKvConfig_act_on_every_name_server()
    {
        var put = await AdminRun.RunAsync("updateKvConfig", "-s", "ORDER_TOPIC_CONFIG", "-k", "TopicA", "-v", "broker-x:4", "-n", _ns.List);

        Assert.Equal(0, put.ExitCode);
        Assert.Equal("create or update kv config to namespace success.\n", put.Out);
        foreach (var address in _ns.Addresses)
        {
            var client = new NameServerClient(address);
            await using var clientOwner = Bounded.Own(client);
            Assert.Equal("broker-x:4", await client.GetKvConfigAsync("ORDER_TOPIC_CONFIG", "TopicA"));
        }

        var delete = await AdminRun.RunAsync("deleteKvConfig", "-s", "ORDER_TOPIC_CONFIG", "-k", "TopicA", "-n", _ns.List, "--output", "json");

        Assert.Equal(0, delete.ExitCode);
        Assert.All(delete.Json.EnumerateArray(), e => Assert.True(e.GetProperty("succeeded").GetBoolean()));
        foreach (var address in _ns.Addresses)
        {
            var client = new NameServerClient(address);
            await using var clientOwner = Bounded.Own(client);
            Assert.Null(await client.GetKvConfigAsync("ORDER_TOPIC_CONFIG", "TopicA"));
        }
    }

    [Fact]
    public async Task UpdateNamesrvConfig_then_getNamesrvConfig_shows_the_value_for_each_name_server()
    {
        var update = await AdminRun.RunAsync("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "true", "-n", _ns.List);
        var get = await AdminRun.RunAsync("getNamesrvConfig", "-n", _ns.List);
        var json = await AdminRun.RunAsync("getNamesrvConfig", "-n", _ns.List, "--output", "json");

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Equal($"update name server config success![{string.Join(", ", _ns.Addresses)}]\norderMessageEnable : true\n", update.Out);
        Assert.Equal(0, get.ExitCode);
        foreach (var address in _ns.Addresses)
        {
            Assert.Contains($"============{address}============\n", get.Out, StringComparison.Ordinal);
        }

        Assert.Contains("orderMessageEnable".PadRight(50) + "=  true\n", get.Out, StringComparison.Ordinal);
        Assert.All(json.Json.EnumerateArray(), e => Assert.Equal("true", e.GetProperty("value").GetProperty("orderMessageEnable").GetString()));
    }

    [Fact]
    public async Task ClusterList_prints_the_header_and_a_row_for_a_broker_it_cannot_read()
    {
        var table = await AdminRun.RunAsync("clusterList", "-n", _ns.List);
        var json = await AdminRun.RunAsync("clusterList", "-n", _ns.List, "--output", "json");

        Assert.Equal(0, table.ExitCode);
        var lines = table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("#Cluster Name     #Broker Name            #BID  #Addr                  #Version                #InTPS(LOAD)       #OutTPS(LOAD) #PCWait(ms) #Hour #SPACE", lines[0]);
        Assert.StartsWith("ClusterX          broker-x                0     " + _fakeBroker.PadRight(22) + " ", lines[1], StringComparison.Ordinal);
        Assert.Contains("     0.00(0,0ms)", lines[1], StringComparison.Ordinal);
        var row = json.Json[0];
        Assert.Equal("broker-x", row.GetProperty("brokerName").GetString());
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task DrainStatus_lists_a_recorded_drain()
    {
        await AdminRun.RunAsync("updateKvConfig", "-s", "RMQ_DRAIN", "-k", "broker-x", "-v", "1700000000000", "-n", _ns.List);

        var table = await AdminRun.RunAsync("drainStatus", "-n", _ns.List);
        var json = await AdminRun.RunAsync("drainStatus", "-n", _ns.List, "--output", "json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.StartsWith("broker-x", table.Out.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("UNKNOWN", table.Out, StringComparison.Ordinal); // its master does not listen
        Assert.Equal(1700000000000, json.Json[0].GetProperty("drainedSinceMillis").GetInt64());
    }

    [Fact]
    public async Task DrainBroker_of_a_broker_the_name_servers_do_not_know_exits_3_and_wipes_nothing()
    {
        var result = await AdminRun.RunAsync("drainBroker", "-b", "broker-nope", "-n", _ns.List, "--timeout", "1s");

        Assert.True(result.ExitCode == 3, result.ToString());
        var client = new NameServerClient(_ns.List);
        await using var clientOwner = Bounded.Own(client);
        Assert.Null(await client.GetKvConfigAsync("RMQ_DRAIN", "broker-nope"));
    }
}
