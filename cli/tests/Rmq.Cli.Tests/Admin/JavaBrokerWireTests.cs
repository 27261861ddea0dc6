using System.Globalization;
using Rmq.Remoting.Protocol;

namespace Rmq.Cli.Tests.Admin;

/// <summary>
/// The commands whose data only a broker's runtime and connection tables hold, against a wire stub that answers
/// like an Apache RocketMQ 4.9 broker (GET_BROKER_RUNTIME_INFO, GET_CONSUMER/PRODUCER_CONNECTION_LIST, GET_ALL_PRODUCER_INFO).
/// </summary>
public sealed class JavaBrokerWireTests : IAsyncLifetime
{
    private NameServers _ns = null!;
    private StubBroker _broker = null!;
    private long _puts = 1000;
    private bool _writing;

    public async Task InitializeAsync()
    {
        _ns = await NameServers.StartAsync();
        _broker = await StubBroker.StartAsync();
        _broker.Answer(RequestCode.GetBrokerRuntimeInfo, _ => RuntimeInfo());
        _broker.Answer(RequestCode.GetConsumerConnectionList,
            """{"connectionSet":[{"clientAddr":"10.0.0.7:53412","clientId":"10.0.0.7@4242","language":"JAVA","version":407}],"consumeFromWhere":"CONSUME_FROM_LAST_OFFSET","consumeType":"CONSUME_PASSIVELY","messageModel":"CLUSTERING","subscriptionTable":{"TopicW":{"classFilterMode":false,"codeSet":[],"expressionType":"TAG","subString":"TagA || TagB","subVersion":1,"tagsSet":["TagA","TagB"],"topic":"TopicW"}}}""");
        _broker.Answer(RequestCode.GetProducerConnectionList,
            """{"connectionSet":[{"clientAddr":"10.0.0.8:40001","clientId":"10.0.0.8@777","language":"JAVA","version":407}]}""");
        _broker.Answer(RequestCode.GetAllProducerInfo,
            """{"data":{"OrderPG":[{"clientId":"10.0.0.8@777","remoteIP":"10.0.0.8:40001","language":"JAVA","version":407,"lastUpdateTimestamp":1700000000000}]}}""");
        await _ns.RegisterFakeBrokerAsync("JavaCluster", "broker-j", _broker.Address, "TopicW", "%RETRY%GroupW");
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _ns.DisposeAsync();
    }

    private string RuntimeInfo()
    {
        var puts = _writing ? Interlocked.Add(ref _puts, 5) : Interlocked.Read(ref _puts);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return "{\"table\":{" + string.Join(',', new Dictionary<string, string>
        {
            ["brokerVersionDesc"] = "V4_9_7",
            ["putTps"] = "12.3 11.0 10.5",
            ["getTransferedTps"] = "5.1 5.0 4.9",
            ["sendThreadPoolQueueSize"] = "2",
            ["sendThreadPoolQueueHeadWaitTimeMills"] = "1",
            ["pullThreadPoolQueueSize"] = "0",
            ["pullThreadPoolQueueHeadWaitTimeMills"] = "0",
            ["pageCacheLockTimeMills"] = "0",
            ["earliestMessageTimeStamp"] = (now - (45 * 60 * 1000)).ToString(CultureInfo.InvariantCulture),
            ["commitLogDiskRatio"] = "0.3125",
            ["msgPutTotalTodayNow"] = puts.ToString(CultureInfo.InvariantCulture),
            ["msgPutTotalTodayMorning"] = "900",
            ["msgPutTotalYesterdayMorning"] = "100",
            ["msgGetTotalTodayNow"] = "500",
            ["msgGetTotalTodayMorning"] = "400",
            ["msgGetTotalYesterdayMorning"] = "0",
        }.Select(e => $"\"{e.Key}\":\"{e.Value}\"")) + "}}";
    }

    [Fact]
    public async Task ClusterList_formats_the_runtime_figures_as_mqadmin()
    {
        var table = await AdminRun.RunAsync("clusterList", "-n", _ns.List);
        var more = await AdminRun.RunAsync("clusterList", "-m", "-n", _ns.List);

        Assert.Equal(0, table.ExitCode);
        Assert.Equal(
            "JavaCluster       broker-j                0     " + _broker.Address.PadRight(22) + " " + "V4_9_7".PadRight(16) + " " + "    12.30(2,1ms)".PadLeft(19) + " " + "     5.10(0,0ms)".PadLeft(19) + " " + "0".PadLeft(10) + "  0.75 0.3125",
            table.Out.Split('\n')[1]);
        Assert.Equal("JavaCluster       broker-j                                    800            400            100            100", more.Out.Split('\n')[1]);
    }

    [Fact]
    public async Task BrokerStatus_prints_every_runtime_key_sorted_by_address_or_cluster()
    {
        var byAddr = await AdminRun.RunAsync("brokerStatus", "-b", _broker.Address, "-n", _ns.List);
        var byCluster = await AdminRun.RunAsync("brokerStatus", "-c", "JavaCluster", "-n", _ns.List);
        var json = await AdminRun.RunAsync("brokerStatus", "-b", _broker.Address, "-n", _ns.List, "--output", "json");

        Assert.Equal(0, byAddr.ExitCode);
        var lines = byAddr.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("brokerVersionDesc".PadRight(32) + ": V4_9_7", lines[0]);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Contains(_broker.Address.PadRight(24) + " " + "putTps".PadRight(32) + ": 12.3 11.0 10.5\n", byCluster.Out, StringComparison.Ordinal);
        Assert.Equal("V4_9_7", json.Json[0].GetProperty("runtimeInfo").GetProperty("brokerVersionDesc").GetString());
    }

    [Fact]
    public async Task ConsumerConnection_prints_clients_subscriptions_and_consume_mode()
    {
        var result = await AdminRun.RunAsync("consumerConnection", "-g", "GroupW", "-n", _ns.List);
        var json = await AdminRun.RunAsync("consumerConnection", "-g", "GroupW", "-n", _ns.List, "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "#ClientId                            #ClientAddr            #Language  #Version\n" +
            "10.0.0.7@4242                        10.0.0.7:53412         JAVA       V4_9_7\n" +
            "\nBelow is subscription:\n" +
            "#Topic               #SubExpression\n" +
            "TopicW               TagA || TagB\n" +
            "\n" +
            "ConsumeType: CONSUME_PASSIVELY\nMessageModel: CLUSTERING\nConsumeFromWhere: CONSUME_FROM_LAST_OFFSET\n",
            result.Out);
        Assert.Equal("10.0.0.7@4242", json.Json.GetProperty("connections")[0].GetProperty("clientId").GetString());
        Assert.Equal("CLUSTERING", json.Json.GetProperty("messageModel").GetString());
    }

    [Fact]
    public async Task ProducerConnection_prints_numbered_connections()
    {
        var result = await AdminRun.RunAsync("producerConnection", "-g", "OrderPG", "-t", "TopicW", "-n", _ns.List);
        var json = await AdminRun.RunAsync("producerConnection", "-g", "OrderPG", "-t", "TopicW", "-n", _ns.List, "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0001  10.0.0.8@777                     10.0.0.8:40001         JAVA     V4_9_7\n", result.Out);
        Assert.Equal("10.0.0.8:40001", json.Json[0].GetProperty("clientAddr").GetString());
    }

    [Fact]
    public async Task ConsumerProgress_without_a_group_lists_the_group_with_its_clients()
    {
        var result = await AdminRun.RunAsync("consumerProgress", "-n", _ns.List);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GroupW".PadRight(64) + "  1       V4_9_7                   PUSH   CLUSTERING      0        0", result.Out.Split('\n')[1]);
    }

    [Fact]
    public async Task DrainBroker_reads_msgPutTotalTodayNow_and_names_producers_from_GET_ALL_PRODUCER_INFO_on_time_out()
    {
        var idle = await AdminRun.RunAsync("drainBroker", "-b", "broker-j", "-n", _ns.List, "--route-refresh", "500ms", "--grace", "500ms", "--check-interval", "100ms", "--output", "json");
        _writing = true;
        var busy = await AdminRun.RunAsync("drainBroker", "-b", "broker-j", "-n", _ns.List, "--route-refresh", "500ms", "--grace", "500ms", "--check-interval", "100ms", "--timeout", "1s");

        Assert.True(idle.ExitCode == 0, idle.ToString());
        Assert.Equal("runtimeInfo", idle.Json.GetProperty("checks")[0].GetProperty("source").GetString()); // the stub serves no GET_ALL_TOPIC_CONFIG
        Assert.True(busy.ExitCode == 8, busy.ToString());
        Assert.Contains("OrderPG".PadRight(32) + " " + "10.0.0.8@777".PadRight(36) + " " + "10.0.0.8:40001".PadRight(22) + " JAVA     V4_9_7", busy.Error, StringComparison.Ordinal);
    }
}
