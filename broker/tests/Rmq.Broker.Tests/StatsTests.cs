using System.Text;
using Rmq.Broker.Protocol;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task Topic_stats_connections_consume_stats_and_consumers_of_a_topic_are_reported()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("StatT", 2);
        for (var i = 0; i < 3; i++)
        {
            await cluster.SendAsync("StatT", $"m{i}", queueId: 0);
        }

        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("StatT", 0) == 3));
        var heartbeat = new HeartbeatData
        {
            ClientId = "10.1.1.1@7",
            ConsumerDataSet = [new ConsumerData { GroupName = "StatG", SubscriptionDataSet = [SubscriptionData.ForTags("StatT", "*", 1)] }],
            ProducerDataSet = [new ProducerData("StatPG")],
        };
        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: heartbeat.Encode()));
        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset, new UpdateConsumerOffsetRequestHeader { ConsumerGroup = "StatG", Topic = "StatT", QueueId = 0, CommitOffset = 2 }));

        var topicStats = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetTopicStatsInfo, new TopicRequestHeader { Topic = "StatT" }));
        Assert.StartsWith("{\"offsetTable\":{{\"brokerName\":\"broker-t\",\"queueId\":0,\"topic\":\"StatT\"}:{", Encoding.UTF8.GetString(topicStats.Body.Span), StringComparison.Ordinal);
        var stats = JsonBody.Decode<TopicStatsTable>(topicStats.Body.Span);
        Assert.Equal(3, stats.OffsetTable[new MessageQueue("StatT", "broker-t", 0)].MaxOffset);
        Assert.True(stats.OffsetTable[new MessageQueue("StatT", "broker-t", 0)].LastUpdateTimestamp > 0);
        Assert.Equal(0, stats.OffsetTable[new MessageQueue("StatT", "broker-t", 1)].MaxOffset);

        var consumers = JsonBody.Decode<ConsumerConnection>((await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetConsumerConnectionList, new ConsumerGroupRequestHeader { ConsumerGroup = "StatG" }))).Body.Span);
        Assert.Equal("10.1.1.1@7", consumers.ConnectionSet.Single().ClientId);
        Assert.Contains("StatT", consumers.SubscriptionTable.Keys);
        var offline = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetConsumerConnectionList, new ConsumerGroupRequestHeader { ConsumerGroup = "Nobody" }));
        Assert.Equal(ResponseCode.ConsumerNotOnline, offline.Code);

        var producers = JsonBody.Decode<ProducerConnection>((await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetProducerConnectionList, new ProducerGroupRequestHeader { ProducerGroup = "StatPG" }))).Body.Span);
        Assert.Single(producers.ConnectionSet);

        var consume = JsonBody.Decode<ConsumeStats>((await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetConsumeStats, new GetConsumeStatsRequestHeader { ConsumerGroup = "StatG" }))).Body.Span);
        var q0 = consume.OffsetTable[new MessageQueue("StatT", "broker-t", 0)];
        Assert.Equal(3, q0.BrokerOffset);
        Assert.Equal(2, q0.ConsumerOffset);
        Assert.True(q0.LastTimestamp > 0);

        var who = JsonBody.Decode<GroupList>((await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.QueryTopicConsumeByWho, new TopicRequestHeader { Topic = "StatT" }))).Body.Span);
        Assert.Equal(["StatG"], who.Groups);

        var system = JsonBody.Decode<TopicList>((await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetSystemTopicListFromBroker))).Body.Span);
        Assert.Contains("TBW102", system.Topics);
        Assert.Contains("SCHEDULE_TOPIC_XXXX", system.Topics);
        Assert.DoesNotContain("StatT", system.Topics);
    }

    [Fact]
    public async Task Reset_offset_by_time_notifies_online_clients_and_answers_206_when_none_is_online()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("ResetT", 1);
        await cluster.SendAsync("ResetT", "a", queueId: 0);
        await cluster.SendAsync("ResetT", "b", queueId: 0);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("ResetT", 0) == 2));
        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset, new UpdateConsumerOffsetRequestHeader { ConsumerGroup = "ResetG", Topic = "ResetT", QueueId = 0, CommitOffset = 1 }));
        RemotingCommand Reset(long timestamp) => RemotingCommand.CreateRequest(RequestCode.InvokeBrokerToResetOffset, new ResetOffsetRequestHeader { Topic = "ResetT", Group = "ResetG", Timestamp = timestamp, IsForce = true });

        var offline = await cluster.InvokeAsync(Reset(-1));
        Assert.Equal(ResponseCode.ConsumerNotOnline, offline.Code);

        var heartbeat = new HeartbeatData { ClientId = "c", ConsumerDataSet = [new ConsumerData { GroupName = "ResetG", SubscriptionDataSet = [SubscriptionData.ForTags("ResetT", "*", 1)] }] };
        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: heartbeat.Encode()));
        var online = await cluster.InvokeAsync(Reset(0));

        Assert.Equal(ResponseCode.Success, online.Code);
        Assert.Equal(0, JsonBody.Decode<ResetOffsetBody>(online.Body.Span).OffsetTable[new MessageQueue("ResetT", "broker-t", 0)]);
    }
}
