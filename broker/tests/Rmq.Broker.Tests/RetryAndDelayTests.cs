using System.Diagnostics;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Tests;

public sealed class RetryAndDelayTests
{
    private const string OneSecondLevels = "1s 1s 1s 1s 1s 1s";

    private static Task<BrokerCluster> StartAsync() =>
        BrokerCluster.StartAsync(o => o with { Store = o.Store with { MessageDelayLevel = OneSecondLevels } });

    [Fact]
    public async Task Delayed_message_waits_in_the_schedule_topic_and_is_delivered_to_its_real_topic_after_its_level()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateTopicAsync("DelayT", 1);
        var watch = Stopwatch.StartNew();

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "DelayT", "later"u8.ToArray(), BrokerCluster.Properties("T", user: [new("DELAY", "2")]), 0));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("SCHEDULE_TOPIC_XXXX", 1) == 1));
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("DelayT", 0) == 1));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"delivered after {watch.Elapsed}");
        var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "DelayT", 0, 0));
        var record = RecordDecoder.DecodeAll(pull.Body.Span).Single();
        Assert.Equal("later", record.BodyText);
        Assert.False(record.Properties.ContainsKey("DELAY"));
        Assert.Equal("DelayT", record.Properties["REAL_TOPIC"]);

        var delayOffsets = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetAllDelayOffset));
        Assert.Contains("2:1", System.Text.Encoding.UTF8.GetString(delayOffsets.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sent_back_message_is_redelivered_through_the_retry_topic_with_reconsume_times_plus_one()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateTopicAsync("BackT", 1);
        var sent = await cluster.SendAsync("BackT", "fail-me", tags: "A", queueId: 0);
        OffsetMessageId.TryDecode(sent.MsgId, out _, out var offset);

        var back = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ConsumerSendMsgBack, new ConsumerSendMsgBackRequestHeader
        {
            Offset = offset, Group = "BackG", DelayLevel = 0, OriginMsgId = sent.MsgId, OriginTopic = "BackT", MaxReconsumeTimes = 16,
        }));

        Assert.Equal(ResponseCode.Success, back.Code);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("%RETRY%BackG", 0) == 1));
        var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest("BackG", "%RETRY%BackG", 0, 0));
        var record = RecordDecoder.DecodeAll(pull.Body.Span).Single();
        Assert.Equal("fail-me", record.BodyText);
        Assert.Equal(1, record.ReconsumeTimes);
        Assert.Equal("BackT", record.Properties["RETRY_TOPIC"]);
        Assert.Equal(sent.MsgId, record.Properties["ORIGIN_MESSAGE_ID"]);
    }

    [Fact]
    public async Task Negative_delay_level_sends_the_message_straight_to_the_DLQ()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateTopicAsync("DeadT", 1);
        var sent = await cluster.SendAsync("DeadT", "dead", queueId: 0);
        OffsetMessageId.TryDecode(sent.MsgId, out _, out var offset);

        var back = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ConsumerSendMsgBack, new ConsumerSendMsgBackRequestHeader { Offset = offset, Group = "DeadG", DelayLevel = -1 }));

        Assert.Equal(ResponseCode.Success, back.Code);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("%DLQ%DeadG", 0) == 1));
    }

    [Fact]
    public async Task Send_back_of_an_unknown_offset_answers_SYSTEM_ERROR()
    {
        await using var cluster = await StartAsync();

        var back = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ConsumerSendMsgBack, new ConsumerSendMsgBackRequestHeader { Offset = 1 << 20, Group = "G" }));

        Assert.Equal(ResponseCode.SystemError, back.Code);
        Assert.Contains("look message by offset failed", back.Remark, StringComparison.Ordinal);
    }
}
