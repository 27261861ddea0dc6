using System.Text;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Tests.Bodies;

public class ClientBodiesTests
{
    [Fact]
    public void Reads_the_heartbeat_Java_sends()
    {
        const string json = """
            {"clientID":"10.0.0.9@12345",
             "consumerDataSet":[{"groupName":"G1","consumeType":"CONSUME_PASSIVELY","messageModel":"CLUSTERING",
               "consumeFromWhere":"CONSUME_FROM_LAST_OFFSET","unitMode":false,
               "subscriptionDataSet":[{"classFilterMode":false,"topic":"T","subString":"TagA || TagB","tagsSet":["TagA","TagB"],
                  "codeSet":[2598919,2598920],"subVersion":1700000000000,"expressionType":"TAG"}]}],
             "producerDataSet":[{"groupName":"P1"},{"groupName":"CLIENT_INNER_PRODUCER"}]}
            """;

        var heartbeat = JsonBody.FromJson<HeartbeatData>(json);

        Assert.Equal("10.0.0.9@12345", heartbeat.ClientId);
        Assert.Equal(["P1", "CLIENT_INNER_PRODUCER"], heartbeat.ProducerDataSet.Select(p => p.GroupName));
        var consumer = Assert.Single(heartbeat.ConsumerDataSet);
        Assert.Equal(ConsumeType.CONSUME_PASSIVELY, consumer.ConsumeType);
        Assert.Equal(MessageModel.CLUSTERING, consumer.MessageModel);
        var subscription = Assert.Single(consumer.SubscriptionDataSet);
        Assert.Equal(["TagA", "TagB"], subscription.TagsSet);
        Assert.Equal([2598919, 2598920], subscription.CodeSet);
        Assert.Equal(1700000000000, subscription.SubVersion);
    }

    [Fact]
    public void Reads_the_broadcasting_heartbeat_ali_ons_sends_without_expressionType()
    {
        const string json = """{"clientID":"192.0.2.2@DEFAULT","consumerDataSet":[{"groupName":"G","consumeType":"CONSUME_PASSIVELY","messageModel":"BROADCASTING","consumeFromWhere":"CONSUME_FROM_LAST_OFFSET","subscriptionDataSet":[{"topic":"T","subString":"*","classFilterMode":false,"tagsSet":[],"codeSet":[],"subVersion":1795565445314}],"unitMode":false}],"producerDataSet":[{"groupName":"CLIENT_INNER_PRODUCER"}]}""";

        var consumer = Assert.Single(JsonBody.FromJson<HeartbeatData>(json).ConsumerDataSet);

        Assert.Equal(MessageModel.BROADCASTING, consumer.MessageModel);
        var subscription = Assert.Single(consumer.SubscriptionDataSet);
        Assert.Equal(SubscriptionData.ExpressionTypeTag, subscription.ExpressionType);
        Assert.True(subscription.IsSubscribeAll);
    }

    [Fact]
    public void Accepts_enum_ordinals_as_fastjson_does()
    {
        var consumer = JsonBody.FromJson<ConsumerData>("""{"groupName":"G","consumeType":0,"messageModel":0,"consumeFromWhere":4}""");

        Assert.Equal(ConsumeType.CONSUME_ACTIVELY, consumer.ConsumeType);
        Assert.Equal(MessageModel.BROADCASTING, consumer.MessageModel);
        Assert.Equal(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, consumer.ConsumeFromWhere);
    }

    [Theory]
    [InlineData("TagA", 2598919)]
    [InlineData("TagB", 2598920)]
    [InlineData("", 0)]
    [InlineData("\u6d88\u606f", 0x6d88 * 31 + 0x606f)]
    public void Tag_codes_are_Java_string_hash_codes(string tag, int expected) =>
        Assert.Equal(expected, JavaHash.StringHashCode(tag));

    [Fact]
    public void Builds_a_tag_subscription_as_the_Java_client_does()
    {
        var subscription = SubscriptionData.ForTags("T", " TagA || TagB ", 42);

        Assert.Equal("TagA || TagB", subscription.SubString);
        Assert.Equal(["TagA", "TagB"], subscription.TagsSet);
        Assert.Equal([2598919, 2598920], subscription.CodeSet);
        Assert.False(subscription.IsSubscribeAll);
        Assert.True(SubscriptionData.ForTags("T", "*", 1).IsSubscribeAll);
    }

    [Fact]
    public void Writes_consumer_offsets_with_unquoted_queue_ids_and_reads_them_back()
    {
        var table = new ConsumerOffsetTable();
        table.OffsetTable[ConsumerOffsetTable.Key("TopicTest", "G1")] = new SortedDictionary<int, long> { [0] = 12, [1] = 10 };
        table.OffsetTable[ConsumerOffsetTable.Key("%RETRY%G1", "G1")] = new SortedDictionary<int, long> { [0] = 0 };

        var json = table.ToJson();

        Assert.Equal("""{"offsetTable":{"%RETRY%G1@G1":{0:0},"TopicTest@G1":{0:12,1:10}}}""", json);
        var back = JsonBody.FromJson<ConsumerOffsetTable>(json);
        Assert.Equal(12, back.OffsetTable["TopicTest@G1"][0]);
        Assert.Equal(10, back.OffsetTable["TopicTest@G1"][1]);
    }

    [Fact]
    public void Reads_subscription_groups_as_Java_writes_them()
    {
        const string json = """
            {"dataVersion":{"counter":1,"timestamp":1700000000000},
             "subscriptionGroupTable":{"G1":{"brokerId":0,"consumeBroadcastEnable":true,"consumeEnable":true,"consumeFromMinEnable":true,
               "groupName":"G1","notifyConsumerIdsChangedEnable":true,"retryMaxTimes":16,"retryQueueNums":1,"whichBrokerWhenConsumeSlowly":1}}}
            """;

        var wrapper = JsonBody.FromJson<SubscriptionGroupWrapper>(json);

        Assert.Equal(new DataVersion(1700000000000, 1), wrapper.DataVersion);
        Assert.Equal(new SubscriptionGroupConfig { GroupName = "G1" }, wrapper.SubscriptionGroupTable["G1"]);
        Assert.Equal(wrapper.SubscriptionGroupTable["G1"], JsonBody.FromJson<SubscriptionGroupWrapper>(wrapper.ToJson()).SubscriptionGroupTable["G1"]);
    }

    [Fact]
    public void A_message_queue_can_be_a_fastjson_object_key()
    {
        var writer = new FjWriter();
        writer.WriteStartObject();
        writer.WritePropertyName("offsetTable");
        writer.WriteStartObject();
        new MessageQueue("T", "b", 0).WriteAsKey(writer);
        writer.WriteNumber(5);
        writer.WriteEndObject();
        writer.WriteEndObject();

        Assert.Equal("""{"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:5}}""", writer.ToString());
        var entry = Assert.Single(FjReader.ParseObject(Encoding.UTF8.GetBytes(writer.ToString())).GetObject("offsetTable")!);
        Assert.Equal(new MessageQueue("T", "b", 0), MessageQueue.ReadJson(entry.Key));
    }
}
