using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Tests;

/// <summary>
/// Issue #5's retry claims over the wire, with a consumer played by hand the way RocketMQ's push consumer behaves:
/// pull, fail, CONSUMER_SEND_MSG_BACK with delay level 0 (3 + reconsume times), pull again from %RETRY%group.
/// </summary>
public sealed class RetryLifecycleTests
{
    // levels 3.. are the retry delays: 1 s each keeps the test short
    private const string FastLevels = "1s 1s 1s 1s 1s 1s 1s 1s";

    private static async Task<RecordDecoder.Record> PullOneAsync(BrokerCluster cluster, string group, string topic, long offset)
    {
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue(topic, 0) > offset, TimeSpan.FromSeconds(15)), $"nothing at {topic}:{offset}");
        var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest(group, topic, 0, offset, maxMsgNums: 1));
        Assert.Equal(ResponseCode.Success, pull.Code);
        return RecordDecoder.DecodeAll(pull.Body.Span).Single();
    }

    private static async Task FailAsync(BrokerCluster cluster, string group, RecordDecoder.Record delivered, string originMsgId)
    {
        var back = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ConsumerSendMsgBack, new ConsumerSendMsgBackRequestHeader
        {
            Offset = delivered.CommitLogOffset,
            Group = group,
            DelayLevel = 0,
            OriginMsgId = delivered.Properties.GetValueOrDefault("ORIGIN_MESSAGE_ID", originMsgId),
            OriginTopic = delivered.Properties.GetValueOrDefault("RETRY_TOPIC", delivered.Topic),
        }));
        Assert.Equal(ResponseCode.Success, back.Code);
    }

    [Fact]
    public async Task A_message_that_fails_twice_is_redelivered_through_the_retry_topic_and_then_consumed()
    {
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Store = o.Store with { MessageDelayLevel = FastLevels } });
        await cluster.CreateTopicAsync("FlakyT", 1);
        var sent = await cluster.SendAsync("FlakyT", "flaky", tags: "A", queueId: 0);

        var first = await PullOneAsync(cluster, "FlakyG", "FlakyT", 0);
        await FailAsync(cluster, "FlakyG", first, sent.MsgId);
        var second = await PullOneAsync(cluster, "FlakyG", "%RETRY%FlakyG", 0);
        await FailAsync(cluster, "FlakyG", second, sent.MsgId);
        var third = await PullOneAsync(cluster, "FlakyG", "%RETRY%FlakyG", 1);
        var commit = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset,
            new UpdateConsumerOffsetRequestHeader { ConsumerGroup = "FlakyG", Topic = "%RETRY%FlakyG", QueueId = 0, CommitOffset = 2 }));

        Assert.Equal(ResponseCode.Success, commit.Code);
        Assert.Equal(["flaky", "flaky", "flaky"], new[] { first, second, third }.Select(r => r.BodyText).ToArray());
        Assert.Equal([0, 1, 2], new[] { first, second, third }.Select(r => r.ReconsumeTimes).ToArray());
        Assert.Equal("FlakyT", third.Properties["RETRY_TOPIC"]);
        Assert.Equal(sent.MsgId, third.Properties["ORIGIN_MESSAGE_ID"]);
        Assert.Equal("A", third.Tags);
        Assert.Equal(2, cluster.Broker.Store.GetMaxOffsetInQueue("%RETRY%FlakyG", 0));
        Assert.Equal(0, cluster.Broker.Store.GetMaxOffsetInQueue("%DLQ%FlakyG", 0));
    }

    [Fact]
    public async Task A_message_that_always_fails_ends_in_the_DLQ_after_the_groups_retryMaxTimes_with_its_origin_in_properties()
    {
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Store = o.Store with { MessageDelayLevel = FastLevels } });
        await cluster.CreateTopicAsync("DoomT", 1);
        var group = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateAndCreateSubscriptionGroup,
            body: new SubscriptionGroupConfig { GroupName = "DoomG", RetryMaxTimes = 3 }.Encode()));
        Assert.Equal(ResponseCode.Success, group.Code);
        var sent = await cluster.SendAsync("DoomT", "doomed", tags: "B", keys: "order-9", queueId: 0);

        var deliveries = new List<RecordDecoder.Record> { await PullOneAsync(cluster, "DoomG", "DoomT", 0) };
        for (var retry = 0; retry < 3; retry++)
        {
            await FailAsync(cluster, "DoomG", deliveries[^1], sent.MsgId);
            deliveries.Add(await PullOneAsync(cluster, "DoomG", "%RETRY%DoomG", retry));
        }

        await FailAsync(cluster, "DoomG", deliveries[^1], sent.MsgId);
        var dead = await PullOneAsync(cluster, "DoomG", "%DLQ%DoomG", 0);

        Assert.Equal([0, 1, 2, 3], deliveries.Select(r => r.ReconsumeTimes).ToArray());
        Assert.Equal(3, cluster.Broker.Store.GetMaxOffsetInQueue("%RETRY%DoomG", 0));
        Assert.Equal(1, cluster.Broker.Store.GetMaxOffsetInQueue("%DLQ%DoomG", 0));
        Assert.Equal("%DLQ%DoomG", dead.Topic);
        Assert.Equal("doomed", dead.BodyText);
        Assert.Equal("DoomT", dead.Properties["RETRY_TOPIC"]);
        Assert.Equal(sent.MsgId, dead.Properties["ORIGIN_MESSAGE_ID"]);
        Assert.Equal("order-9", dead.Keys);
        Assert.False(dead.Properties.ContainsKey("DELAY"));
        Assert.Equal(4, dead.ReconsumeTimes);
    }
}
