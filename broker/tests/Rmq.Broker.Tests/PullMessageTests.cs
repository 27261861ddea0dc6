using System.Diagnostics;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Tests;

public sealed class PullMessageTests
{
    private static async Task WaitDispatchedAsync(BrokerCluster cluster, string topic, int queueId, long count)
        => Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue(topic, queueId) >= count), "not dispatched");

    [Theory]
    [InlineData(SerializeType.Json)]
    [InlineData(SerializeType.RocketMQ)]
    public async Task Pull_returns_the_raw_records_with_body_keys_tags_and_properties(SerializeType serializeType)
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("PullT", 1);
        var sent = await cluster.SendAsync("PullT", "hello", tags: "TagA", keys: "k1 k2", queueId: 0);
        await cluster.SendAsync("PullT", "world", tags: "TagB", queueId: 0);
        await WaitDispatchedAsync(cluster, "PullT", 0, 2);

        var request = BrokerCluster.PullRequest("G", "PullT", 0, 0);
        request.SerializeType = serializeType;
        var response = await cluster.InvokeAsync(request);

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal("FOUND", response.Remark);
        var header = response.ReadHeader<PullMessageResponseHeader>();
        Assert.Equal(2, header.NextBeginOffset);
        Assert.Equal(0, header.MinOffset);
        Assert.Equal(2, header.MaxOffset);
        Assert.Equal(0, header.SuggestWhichBrokerId);
        var records = RecordDecoder.DecodeAll(response.Body.Span);
        Assert.Equal(2, records.Count);
        Assert.Equal("hello", records[0].BodyText);
        Assert.Equal("TagA", records[0].Tags);
        Assert.Equal("k1 k2", records[0].Keys);
        Assert.Equal("PullT", records[0].Topic);
        Assert.Equal("TestCluster", records[0].Properties["CLUSTER"]);
        Assert.Equal(cluster.BrokerAddress, records[0].StoreHost);
        Assert.Equal(1, records[1].QueueOffset);
        Assert.True(Store.OffsetMessageId.TryDecode(sent.MsgId, out _, out var phy));
        Assert.Equal(phy, records[0].CommitLogOffset);
    }

    [Fact]
    public async Task Tag_filter_returns_only_matching_messages_and_advances_over_the_rest()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("TagT", 1);
        foreach (var tag in new[] { "TagA", "TagB", "TagC", "TagA" })
        {
            await cluster.SendAsync("TagT", tag, tags: tag, queueId: 0);
        }

        await WaitDispatchedAsync(cluster, "TagT", 0, 4);

        var response = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "TagT", 0, 0, "TagA || TagC"));

        var records = RecordDecoder.DecodeAll(response.Body.Span);
        Assert.Equal(["TagA", "TagC", "TagA"], records.Select(r => r.Tags));
        Assert.Equal(4, response.ReadHeader<PullMessageResponseHeader>().NextBeginOffset);

        var none = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "TagT", 0, 0, "TagZ"));
        Assert.Equal(ResponseCode.PullRetryImmediately, none.Code);
        Assert.Equal(4, none.ReadHeader<PullMessageResponseHeader>().NextBeginOffset);
    }

    [Fact]
    public async Task Offset_at_the_end_answers_PULL_NOT_FOUND_and_wrong_offsets_are_moved()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("EndT", 2);
        await cluster.SendAsync("EndT", "x", queueId: 0);
        await WaitDispatchedAsync(cluster, "EndT", 0, 1);

        var atEnd = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "EndT", 0, 1));
        Assert.Equal(ResponseCode.PullNotFound, atEnd.Code);
        Assert.Equal(1, atEnd.ReadHeader<PullMessageResponseHeader>().NextBeginOffset);

        var beyond = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "EndT", 0, 7));
        Assert.Equal(ResponseCode.PullOffsetMoved, beyond.Code);
        Assert.Equal(1, beyond.ReadHeader<PullMessageResponseHeader>().NextBeginOffset);

        var emptyQueue = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "EndT", 1, 3));
        Assert.Equal(ResponseCode.PullOffsetMoved, emptyQueue.Code);
        Assert.Equal(0, emptyQueue.ReadHeader<PullMessageResponseHeader>().NextBeginOffset);

        var emptyFromZero = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "EndT", 1, 0));
        Assert.Equal(ResponseCode.PullNotFound, emptyFromZero.Code);
        var h = emptyFromZero.ReadHeader<PullMessageResponseHeader>();
        Assert.Equal(0, h.MaxOffset);
    }

    [Fact]
    public async Task Suspended_pull_is_answered_as_soon_as_a_message_arrives()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("LongT", 1);

        var watch = Stopwatch.StartNew();
        var pull = cluster.InvokeAsync(BrokerCluster.PullRequest("G", "LongT", 0, 0, flags: PullSysFlag.Subscription | PullSysFlag.Suspend, suspendMillis: 20_000), TimeSpan.FromSeconds(30));
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.HeldPullCount == 1), "the pull was not held");
        Assert.False(pull.IsCompleted);

        await cluster.SendAsync("LongT", "wake", queueId: 0);
        var response = await pull.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal("wake", RecordDecoder.DecodeAll(response.Body.Span).Single().BodyText);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"answered after {watch.Elapsed}, not woken by the arrival");
    }

    [Fact]
    public async Task Suspended_pull_is_answered_PULL_NOT_FOUND_at_its_timeout()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("IdleT", 1);

        var watch = Stopwatch.StartNew();
        var response = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "IdleT", 0, 0, flags: PullSysFlag.Subscription | PullSysFlag.Suspend, suspendMillis: 300), TimeSpan.FromSeconds(10));

        Assert.Equal(ResponseCode.PullNotFound, response.Code);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {watch.Elapsed}");
        Assert.Equal(0, cluster.Broker.HeldPullCount);
    }

    [Fact]
    public async Task Short_polling_holds_shortPollingTimeMills_when_long_polling_is_off()
    {
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Messaging = o.Messaging with { LongPollingEnable = false, ShortPollingTimeMills = 200 } });
        await cluster.CreateTopicAsync("ShortT", 1);

        var watch = Stopwatch.StartNew();
        var response = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "ShortT", 0, 0, flags: PullSysFlag.Subscription | PullSysFlag.Suspend, suspendMillis: 20_000), TimeSpan.FromSeconds(10));

        Assert.Equal(ResponseCode.PullNotFound, response.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Pull_with_COMMIT_OFFSET_stores_the_group_offset()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("CommitT", 1);

        await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "CommitT", 0, 0, flags: PullSysFlag.Subscription | PullSysFlag.CommitOffset, commitOffset: 5));

        Assert.Equal(5, cluster.Broker.Offsets.QueryOffset("G", "CommitT", 0));
    }

    [Fact]
    public async Task Pull_prechecks_answer_their_codes()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("PreT", 2);
        await cluster.CreateTopicAsync("WriteOnlyT", 1, perm: 2);

        Assert.Equal(ResponseCode.TopicNotExist, (await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "NoT", 0, 0))).Code);
        Assert.Equal(ResponseCode.NoPermission, (await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "WriteOnlyT", 0, 0))).Code);
        var badQueue = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "PreT", 5, 0));
        Assert.Equal(ResponseCode.SystemError, badQueue.Code);
        Assert.Contains("queueId[5] is illegal", badQueue.Remark, StringComparison.Ordinal);
        Assert.Equal(ResponseCode.SubscriptionNotExist, (await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "PreT", 0, 0, flags: PullSysFlag.None))).Code);
        var headers = (await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "NoT", 0, 0))).ExtFields!;
        Assert.Contains("nextBeginOffset", headers.Keys);
        Assert.Contains("minOffset", headers.Keys);
    }
}
