using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Tests;

/// <summary>The admin codes 303, 314, 316, 317, 321 and 328 over the wire.</summary>
public sealed class AdminCodesTests
{
    private static async Task<BrokerCluster> StartWithMessagesAsync(string topic, int messages)
    {
        var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync(topic, 1);
        for (var i = 0; i < messages; i++)
        {
            await cluster.SendAsync(topic, "admin-" + i, tags: "TagA", queueId: 0);
        }

        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue(topic, 0) == messages));
        return cluster;
    }

    private static RemotingCommand CommitOffset(string group, string topic, long offset) =>
        RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset, new UpdateConsumerOffsetRequestHeader { ConsumerGroup = group, Topic = topic, QueueId = 0, CommitOffset = offset });

    private static RemotingCommand UpdateGroup(string group) =>
        RemotingCommand.CreateRequest(RequestCode.UpdateAndCreateSubscriptionGroup, body: new SubscriptionGroupConfig { GroupName = group }.Encode());

    [Fact]
    public async Task Clone_group_offset_copies_the_source_groups_offsets_for_one_topic_or_all()
    {
        await using var cluster = await StartWithMessagesAsync("CloneT", 3);
        await cluster.InvokeAsync(CommitOffset("SrcG", "CloneT", 2));

        var one = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.CloneGroupOffset, new CloneGroupOffsetRequestHeader { SrcGroup = "SrcG", DestGroup = "DestG", Topic = "CloneT", Offline = true }));
        var all = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.CloneGroupOffset, new CloneGroupOffsetRequestHeader { SrcGroup = "SrcG", DestGroup = "AllG" }));

        Assert.Equal(ResponseCode.Success, one.Code);
        Assert.Equal(ResponseCode.Success, all.Code);
        Assert.Equal(2, cluster.Broker.Offsets.QueryOffset("DestG", "CloneT", 0));
        Assert.Equal(2, cluster.Broker.Offsets.QueryOffset("AllG", "CloneT", 0));
    }

    [Fact]
    public async Task Broker_consume_stats_lists_every_group_with_its_lag_and_the_total()
    {
        await using var cluster = await StartWithMessagesAsync("BcsT", 5);
        await cluster.InvokeAsync(UpdateGroup("BcsG"));
        await cluster.InvokeAsync(CommitOffset("BcsG", "BcsT", 2));

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetBrokerConsumeStats, new GetConsumeStatsInBrokerHeader(false)));
        var ordered = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetBrokerConsumeStats, new GetConsumeStatsInBrokerHeader(true)));

        Assert.Equal(ResponseCode.Success, response.Code);
        var list = JsonBody.Decode<ConsumeStatsList>(response.Body.Span);
        Assert.Equal(cluster.Broker.State.BrokerAddress, list.BrokerAddr);
        Assert.Equal(3, list.TotalDiff);
        var group = list.ConsumeStatsListItems.Single(g => g.Key == "BcsG").Value.Single();
        Assert.Equal(new OffsetWrapper(5, 2, group.OffsetTable.Values.Single().LastTimestamp), group.OffsetTable[new MessageQueue("BcsT", "broker-t", 0)]);
        Assert.True(group.OffsetTable.Values.Single().LastTimestamp > 0);
        Assert.Equal(0, JsonBody.Decode<ConsumeStatsList>(ordered.Body.Span).TotalDiff);
    }

    [Fact]
    public async Task Query_consume_queue_returns_units_pointing_at_the_stored_messages()
    {
        await using var cluster = await StartWithMessagesAsync("CqT", 3);
        var first = cluster.Broker.Store.GetCommitLogOffsetInQueue("CqT", 0, 0);

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.QueryConsumeQueue, new QueryConsumeQueueRequestHeader { Topic = "CqT", QueueId = 0, Index = 0, Count = 2, ConsumerGroup = "NoG" }));
        var beyond = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.QueryConsumeQueue, new QueryConsumeQueueRequestHeader { Topic = "CqT", QueueId = 0, Index = 7, Count = 2 }));
        var missing = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.QueryConsumeQueue, new QueryConsumeQueueRequestHeader { Topic = "CqT", QueueId = 5, Index = 0, Count = 2 }));

        var body = JsonBody.Decode<QueryConsumeQueueResponseBody>(response.Body.Span);
        Assert.Equal(0, body.MinQueueIndex);
        Assert.Equal(3, body.MaxQueueIndex);
        Assert.Equal(2, body.QueueData.Count);
        Assert.Equal(first, body.QueueData[0].PhysicOffset);
        Assert.Equal(first + body.QueueData[0].PhysicSize, body.QueueData[1].PhysicOffset);
        Assert.Equal(Rmq.Store.JavaHash.HashCode("TagA"), body.QueueData[0].TagsCode);
        Assert.Equal("NoG@CqT is not online!", body.FilterData);
        Assert.Equal(ResponseCode.Success, beyond.Code);
        Assert.Equal("Index 7 of 0@CqT is not exist!", beyond.Remark);
        Assert.Equal(ResponseCode.SystemError, missing.Code);
        Assert.Equal("5@CqT is not exist!", missing.Remark);
    }

    [Fact]
    public async Task Clean_unused_topic_destroys_consume_queues_of_topics_no_longer_in_the_topic_table()
    {
        await using var cluster = await StartWithMessagesAsync("LeftT", 1);
        await cluster.CreateTopicAsync("KeptT", 1);
        await cluster.SendAsync("KeptT", "kept", queueId: 0);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("KeptT", 0) == 1));
        cluster.Broker.Topics.DeleteTopicConfig("LeftT");

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.CleanUnusedTopic));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.DoesNotContain("LeftT", cluster.Broker.Store.ConsumeQueueTopics);
        Assert.Contains("KeptT", cluster.Broker.Store.ConsumeQueueTopics);
        Assert.Equal(1, cluster.Broker.Store.GetMaxOffsetInQueue("KeptT", 0));
    }

    [Fact]
    public async Task All_producer_info_lists_online_producers_by_group()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        var heartbeat = new HeartbeatData { ClientId = "10.2.2.2@9", ProducerDataSet = [new ProducerData("InfoPG")] };
        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: heartbeat.Encode()));

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetAllProducerInfo));

        var table = JsonBody.Decode<ProducerTableInfo>(response.Body.Span);
        var producer = table.Data["InfoPG"].Single();
        Assert.Equal("10.2.2.2@9", producer.ClientId);
        Assert.StartsWith("127.0.0.1:", producer.RemoteIP, StringComparison.Ordinal);
        Assert.True(producer.LastUpdateTimestamp > 0);
    }

    [Fact]
    public async Task Consume_time_span_reports_first_last_and_consumed_store_times_per_queue()
    {
        await using var cluster = await StartWithMessagesAsync("SpanT", 3);
        await cluster.InvokeAsync(CommitOffset("SpanG", "SpanT", 1));

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.QueryConsumeTimeSpan, new QueryConsumeTimeSpanRequestHeader("SpanT", "SpanG")));
        var unknown = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.QueryConsumeTimeSpan, new QueryConsumeTimeSpanRequestHeader("NoSuchT", "SpanG")));

        var span = JsonBody.Decode<QueryConsumeTimeSpanBody>(response.Body.Span).ConsumeTimeSpanSet.Single();
        var store = cluster.Broker.Store;
        Assert.Equal(store.GetMessageStoreTimeStamp("SpanT", 0, 0), span.MinTimeStamp);
        Assert.Equal(store.GetMessageStoreTimeStamp("SpanT", 0, 2), span.MaxTimeStamp);
        Assert.Equal(store.GetMessageStoreTimeStamp("SpanT", 0, 0), span.ConsumeTimeStamp);
        Assert.True(span.DelayTime >= 0);
        Assert.Equal(ResponseCode.TopicNotExist, unknown.Code);
    }
}
