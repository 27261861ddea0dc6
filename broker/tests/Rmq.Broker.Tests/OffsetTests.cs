using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Tests;

public sealed class OffsetTests
{
    private static RemotingCommand Query(string group, string topic, int queueId) =>
        RemotingCommand.CreateRequest(RequestCode.QueryConsumerOffset, new QueryConsumerOffsetRequestHeader { ConsumerGroup = group, Topic = topic, QueueId = queueId });

    private static RemotingCommand Update(string group, string topic, int queueId, long offset) =>
        RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset, new UpdateConsumerOffsetRequestHeader { ConsumerGroup = group, Topic = topic, QueueId = queueId, CommitOffset = offset });

    [Fact]
    public async Task New_group_on_a_queue_still_in_memory_gets_offset_0()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("OffT", 1);
        await cluster.SendAsync("OffT", "x", queueId: 0);

        var response = await cluster.InvokeAsync(Query("NewG", "OffT", 0));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal(0, response.ReadHeader<OffsetResponseHeader>().Offset);
    }

    [Fact]
    public async Task Update_then_query_returns_the_offset_and_minus_one_is_stored_as_zero()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("OffT", 2);

        var updated = await cluster.InvokeAsync(Update("G", "OffT", 1, 42));
        var minusOne = await cluster.InvokeAsync(Update("G", "OffT", 0, -1));

        Assert.Equal(ResponseCode.Success, updated.Code);
        Assert.Equal(ResponseCode.Success, minusOne.Code);
        Assert.Equal(42, (await cluster.InvokeAsync(Query("G", "OffT", 1))).ReadHeader<OffsetResponseHeader>().Offset);
        Assert.Equal(0, (await cluster.InvokeAsync(Query("G", "OffT", 0))).ReadHeader<OffsetResponseHeader>().Offset);

        await cluster.Client.InvokeOnewayAsync(cluster.BrokerAddress, Update("G", "OffT", 1, 43).MarkOneway());
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Offsets.QueryOffset("G", "OffT", 1) == 43));

        var all = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetAllConsumerOffset));
        var table = JsonBody.Decode<ConsumerOffsetTable>(all.Body.Span);
        Assert.Equal(43, table.OffsetTable["OffT@G"][1]);
    }

    [Fact]
    public async Task Max_min_earliest_and_search_by_time_answer_from_the_store()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("QOffT", 1);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await cluster.SendAsync("QOffT", "a", queueId: 0);
        await cluster.SendAsync("QOffT", "b", queueId: 0);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("QOffT", 0) == 2));

        long Offset(RemotingCommand r) => r.ReadHeader<OffsetResponseHeader>().Offset;
        var max = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetMaxOffset, new TopicQueueRequestHeader { Topic = "QOffT", QueueId = 0 }));
        var min = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetMinOffset, new TopicQueueRequestHeader { Topic = "QOffT", QueueId = 0 }));
        var earliest = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetEarliestMsgStoretime, new TopicQueueRequestHeader { Topic = "QOffT", QueueId = 0 }));
        var search = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.SearchOffsetByTimestamp, new SearchOffsetRequestHeader { Topic = "QOffT", QueueId = 0, Timestamp = before - 1000 }));

        Assert.Equal(2, Offset(max));
        Assert.Equal(0, Offset(min));
        Assert.True(earliest.ReadHeader<EarliestMsgStoretimeResponseHeader>().Timestamp >= before);
        Assert.Equal(0, Offset(search));
    }
}
