using Rmq.Client.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Tests;

public sealed class BodyTests
{
    [Fact]
    public void Consume_stats_parse_fastjson_object_keys_and_compute_lag()
    {
        const string json = """
            {"consumeTps":1.5,"offsetTable":{{"brokerName":"broker-a","queueId":1,"topic":"T"}:{"brokerOffset":10,"consumerOffset":4,"lastTimestamp":99},
            {"brokerName":"broker-a","queueId":0,"topic":"T"}:{"brokerOffset":3,"consumerOffset":3,"lastTimestamp":0}}}
            """;

        var stats = JsonBody.FromJson<ConsumeStats>(json);

        Assert.Equal(1.5, stats.ConsumeTps);
        Assert.Equal(6, stats.TotalDiff);
        Assert.Equal([0, 1], stats.OffsetTable.Keys.Select(k => k.QueueId));
        Assert.Equal(6, stats.OffsetTable[new MessageQueue("T", "broker-a", 1)].Lag);
        Assert.Equal(stats.OffsetTable.Count, JsonBody.FromJson<ConsumeStats>(stats.ToJson()).OffsetTable.Count);
    }

    [Fact]
    public void Topic_stats_round_trip()
    {
        var table = new TopicStatsTable();
        table.OffsetTable[new MessageQueue("T", "b", 2)] = new TopicOffset(1, 5, 77);

        var back = JsonBody.FromJson<TopicStatsTable>(table.ToJson());

        Assert.Equal(new TopicOffset(1, 5, 77), back.OffsetTable[new MessageQueue("T", "b", 2)]);
    }

    [Fact]
    public void Reset_offset_body_reads_the_java_and_the_cpp_forms()
    {
        var java = JsonBody.FromJson<ResetOffsetBody>("""{"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:12}}""");
        var cpp = JsonBody.FromJson<ResetOffsetBody>("""{"offsetTable":[{"brokerName":"b","queueId":0,"topic":"T","offset":12}]}""");

        Assert.Equal(12, java.OffsetTable[new MessageQueue("T", "b", 0)]);
        Assert.Equal(12, cpp.OffsetTable[new MessageQueue("T", "b", 0)]);
    }

    [Fact]
    public void Consumer_connection_and_lock_bodies_round_trip()
    {
        var connection = JsonBody.FromJson<ConsumerConnection>("""
            {"connectionSet":[{"clientAddr":"1.2.3.4:5","clientId":"1.2.3.4@9","language":"JAVA","version":407}],
             "consumeType":"CONSUME_PASSIVELY","messageModel":"CLUSTERING","consumeFromWhere":"CONSUME_FROM_FIRST_OFFSET",
             "subscriptionTable":{"T":{"topic":"T","subString":"*","tagsSet":[],"codeSet":[],"subVersion":1}}}
            """);
        var request = new LockBatchRequestBody { ConsumerGroup = "G", ClientId = "c", MqSet = [new MessageQueue("T", "b", 0)] };

        Assert.Equal("1.2.3.4@9", Assert.Single(connection.ConnectionSet).ClientId);
        Assert.Equal(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, connection.ConsumeFromWhere);
        Assert.Equal("*", connection.SubscriptionTable["T"].SubString);
        Assert.Equal("""{"clientId":"c","consumerGroup":"G","mqSet":[{"brokerName":"b","queueId":0,"topic":"T"}]}""", request.ToJson());
        Assert.Single(JsonBody.FromJson<LockBatchResponseBody>("""{"lockOKMQSet":[{"brokerName":"b","queueId":0,"topic":"T"}]}""").LockOkMqSet);
    }

    [Fact]
    public void Properties_text_parses_java_properties()
    {
        var parsed = PropertiesText.Parse("# comment\nbrokerName=broker-a\nlistenPort = 10911\r\npath=C\\:\\\\data\n");

        Assert.Equal("broker-a", parsed["brokerName"]);
        Assert.Equal("10911", parsed["listenPort"]);
        Assert.Equal("C:\\data", parsed["path"]);
        Assert.Equal("a=1\nb=2\n", PropertiesText.Format([new("a", "1"), new("b", "2")]));
    }
}
