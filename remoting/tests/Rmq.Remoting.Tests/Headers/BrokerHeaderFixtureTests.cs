using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Remoting.Tests.Protocol;

namespace Rmq.Remoting.Tests.Headers;

public class BrokerHeaderFixtureTests
{
    private static RemotingCommand Decode(string fixture) =>
        RemotingCommandCodec.DecodeWithLength(GoldenFixtures.Load(fixture).Frame);

    [Theory]
    [InlineData("send-v2-fast-json.json")]
    [InlineData("send-v2-fast-rocketmq.json")]
    public void Reads_a_Java_SEND_MESSAGE_V2_header_by_its_short_names(string fixture)
    {
        var header = Decode(fixture).ReadHeader<SendMessageRequestHeaderV2>().Header;

        Assert.Equal("producer-a", header.ProducerGroup);
        Assert.Equal("TopicA", header.Topic);
        Assert.Equal("TBW102", header.DefaultTopic);
        Assert.Equal(4, header.DefaultTopicQueueNums);
        Assert.Equal(1, header.QueueId);
        Assert.Equal(1720000000000, header.BornTimestamp);
        Assert.Equal("KEYS\u0001key-a\u0002", header.Properties);
        Assert.Equal(16, header.MaxReconsumeTimes);
        Assert.False(header.Batch);
        Assert.Equal("broker-a", header.BrokerName);
    }

    [Theory]
    [InlineData("send-v1-fast-json.json")]
    [InlineData("send-v1-fast-rocketmq.json")]
    public void Reads_a_Java_SEND_MESSAGE_header_by_its_long_names(string fixture)
    {
        var header = Decode(fixture).ReadHeader<SendMessageRequestHeader>();

        Assert.Equal("producer-a", header.ProducerGroup);
        Assert.Equal("TopicA", header.Topic);
        Assert.Equal(0, header.QueueId);
        Assert.Equal(0, header.ReconsumeTimes);
        Assert.False(header.UnitMode);
        Assert.Equal("broker-a", header.BrokerName);
    }

    [Fact]
    public void The_v2_form_writes_the_same_fields_as_the_v1_form_under_short_names()
    {
        var v1 = Decode("send-v1-fast-json.json").ReadHeader<SendMessageRequestHeader>();

        var command = RemotingCommand.CreateRequest(RequestCode.SendMessageV2, v1.ToV2());
        var roundTripped = RemotingCommandCodec.DecodeWithLength(RemotingCommandCodec.Encode(command)).ReadHeader<SendMessageRequestHeaderV2>().Header;

        Assert.Equal(v1, roundTripped);
        Assert.Equal("producer-a", command.GetExtField("a"));
        Assert.Equal("1720000000000", command.GetExtField("g"));
    }

    [Theory]
    [InlineData("pull-fast-inherited-json.json")]
    [InlineData("pull-fast-inherited-rocketmq.json")]
    public void Reads_a_Java_PULL_MESSAGE_header_with_a_non_ASCII_group(string fixture)
    {
        var header = Decode(fixture).ReadHeader<PullMessageRequestHeader>();

        Assert.Equal("\u6d88\u8d39\u8005\u7ec4-\u03b1", header.ConsumerGroup);
        Assert.Equal(1, header.QueueId);
        Assert.Equal(42, header.QueueOffset);
        Assert.Equal(32, header.MaxMsgNums);
        Assert.Equal(-1, header.CommitOffset);
        Assert.Equal(15000, header.SuspendTimeoutMillis);
        Assert.Equal("tagA || tagB", header.Subscription);
        Assert.Equal(7, header.SubVersion);
        Assert.Equal("TAG", header.ExpressionType);
    }

    [Theory]
    [InlineData("pull-response-fast-json.json")]
    [InlineData("pull-response-fast-rocketmq.json")]
    public void Reads_a_Java_pull_response_header(string fixture)
    {
        var header = Decode(fixture).ReadHeader<PullMessageResponseHeader>();

        Assert.Equal(new PullMessageResponseHeader { SuggestWhichBrokerId = 1, NextBeginOffset = -2, MinOffset = -3, MaxOffset = 99 }, header);
    }

    [Theory]
    [InlineData("send-response-fast-json.json")]
    [InlineData("send-response-fast-rocketmq.json")]
    public void Reads_a_Java_send_response_header(string fixture)
    {
        var header = Decode(fixture).ReadHeader<SendMessageResponseHeader>();

        Assert.Equal("7F00000100002A9F0000000000000001", header.MsgId);
        Assert.Equal(1, header.QueueId);
        Assert.Equal(99, header.QueueOffset);
        Assert.Equal("tx-a", header.TransactionId);
    }

    [Fact]
    public void Reads_the_pull_header_ali_ons_sends_with_typed_values()
    {
        var frame = System.Text.Encoding.UTF8.GetBytes("""{"code":11,"language":"JAVA","opaque":3,"flag":0,"version":121,"extFields":{"consumerGroup":"G","topic":"T","queueId":0,"queueOffset":0,"maxMsgNums":32,"sysFlag":6,"commitOffset":-1,"suspendTimeoutMillis":15000,"subscription":"*","subVersion":1795565440526}}""");
        var whole = new byte[8 + frame.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(whole, 4 + frame.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(whole.AsSpan(4), frame.Length);
        frame.CopyTo(whole, 8);

        var header = RemotingCommandCodec.DecodeWithLength(whole).ReadHeader<PullMessageRequestHeader>();

        Assert.Equal(PullSysFlag.Suspend | PullSysFlag.Subscription, (PullSysFlag)header.SysFlag);
        Assert.Equal(1795565440526, header.SubVersion);
        Assert.Null(header.ExpressionType);
    }

    [Fact]
    public void A_missing_required_field_names_the_field()
    {
        var command = RemotingCommand.CreateRequest(RequestCode.PullMessage).WithExtField("topic", "T");

        var exception = Assert.Throws<RemotingCommandException>(() => command.ReadHeader<PullMessageRequestHeader>());

        Assert.Equal("the custom field <consumerGroup> is null", exception.Message);
    }

    [Fact]
    public void An_unparsable_number_is_a_RemotingCommandException()
    {
        var command = RemotingCommand.CreateRequest(RequestCode.GetMaxOffset).WithExtField("topic", "T").WithExtField("queueId", "zero");

        var exception = Assert.Throws<RemotingCommandException>(() => command.ReadHeader<TopicQueueRequestHeader>());

        Assert.Contains("queueId", exception.Message, StringComparison.Ordinal);
    }
}
