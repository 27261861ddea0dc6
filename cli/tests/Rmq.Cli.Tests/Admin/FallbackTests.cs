using Rmq.Remoting.Protocol;

namespace Rmq.Cli.Tests.Admin;

/// <summary>
/// A broker that serves only the core codes (no GET_CONSUME_STATS, GET_TOPIC_STATS_INFO, QUERY_TOPIC_CONSUME_BY_WHO):
/// AdminClient builds the same tables from GET_ALL_CONSUMER_OFFSET, GET_ALL_TOPIC_CONFIG and GET_MIN/MAX_OFFSET.
/// </summary>
public sealed class FallbackTests : IAsyncLifetime
{
    private NameServers _ns = null!;
    private StubBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _ns = await NameServers.StartAsync();
        _broker = await StubBroker.StartAsync();
        _broker.Answer(RequestCode.GetAllConsumerOffset, """{"offsetTable":{"TopicW@GroupW":{0:3,1:5},"TopicW@Other":{0:1}}}""");
        _broker.Answer(RequestCode.GetAllTopicConfig,
            """{"dataVersion":{"counter":1,"timestamp":1},"topicConfigTable":{"TopicW":{"order":false,"perm":6,"readQueueNums":2,"topicFilterType":"SINGLE_TAG","topicName":"TopicW","topicSysFlag":0,"writeQueueNums":2}}}""");
        _broker.AnswerCommand(RequestCode.GetMaxOffset, r => Offset(r.ExtFields!["queueId"] == "0" ? 10 : 5));
        _broker.AnswerCommand(RequestCode.GetMinOffset, _ => Offset(0));
        await _ns.RegisterFakeBrokerAsync("OldCluster", "broker-o", _broker.Address, "TopicW", "%RETRY%GroupW");
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _ns.DisposeAsync();
    }

    private static RemotingCommand Offset(long offset) => RemotingCommand.CreateResponse(ResponseCode.Success).WithExtField("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task ConsumerProgress_is_built_from_consumer_offsets_and_max_offsets()
    {
        var result = await AdminRun.RunAsync("consumerProgress", "-g", "GroupW", "-n", _ns.List);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split('\n');
        Assert.Equal("TopicW".PadRight(64) + "  " + "broker-o".PadRight(32) + "  0     10                    3                     7                     N/A", lines[1]);
        Assert.Equal("TopicW".PadRight(64) + "  " + "broker-o".PadRight(32) + "  1     5                     5                     0                     N/A", lines[2]);
        Assert.Contains("Diff Total: 7\n", result.Out, StringComparison.Ordinal);
        Assert.Equal(1, _broker.Seen.GetValueOrDefault(RequestCode.GetConsumeStats));
    }

    [Fact]
    public async Task TopicStatus_is_built_from_min_and_max_offsets()
    {
        var result = await AdminRun.RunAsync("topicStatus", "-t", "TopicW", "-n", _ns.List, "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([10L, 5L], result.Json.EnumerateArray().Select(r => r.GetProperty("maxOffset").GetInt64()));
        Assert.All(result.Json.EnumerateArray(), r => Assert.Equal("broker-o", r.GetProperty("brokerName").GetString()));
    }

    [Fact]
    public async Task TopicList_c_finds_consuming_groups_in_the_consumer_offsets()
    {
        var result = await AdminRun.RunAsync("topicList", "-c", "-n", _ns.List, "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["GroupW", "Other"], result.Json.EnumerateArray().Where(r => r.GetProperty("topic").GetString() == "TopicW").Select(r => r.GetProperty("consumerGroup").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_group_without_offsets_on_the_broker_exits_3()
    {
        var result = await AdminRun.RunAsync("consumerProgress", "-g", "Nobody", "-n", _ns.List);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("CONSUMER_NOT_ONLINE CODE: 206", result.Error, StringComparison.Ordinal);
    }
}
