using System.Text;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Tests;

public sealed class AdminTests
{
    [Fact]
    public async Task Created_topic_is_registered_at_once_and_listed_and_deleted()
    {
        await using var cluster = await BrokerCluster.StartAsync();

        await cluster.CreateTopicAsync("AdmT", 3);

        var route = await cluster.WaitForRouteAsync("AdmT");
        Assert.NotNull(route);
        Assert.Equal(cluster.BrokerAddress, route.BrokerDatas.Single().BrokerAddrs[0]);
        Assert.Equal(3, route.QueueDatas.Single().WriteQueueNums);
        var all = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetAllTopicConfig));
        var wrapper = JsonBody.Decode<TopicConfigSerializeWrapper>(all.Body.Span);
        Assert.Contains("AdmT", wrapper.TopicConfigTable.Keys);
        Assert.Contains("TBW102", wrapper.TopicConfigTable.Keys);
        Assert.Equal(7, wrapper.TopicConfigTable["TBW102"].Perm);
        Assert.Equal(18, wrapper.TopicConfigTable["SCHEDULE_TOPIC_XXXX"].ReadQueueNums);
        Assert.Contains("TestCluster", wrapper.TopicConfigTable.Keys);
        Assert.Contains("broker-t", wrapper.TopicConfigTable.Keys);

        await cluster.SendAsync("AdmT", "x", queueId: 0);
        var delete = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.DeleteTopicInBroker, new DeleteTopicRequestHeader { Topic = "AdmT" }));
        Assert.Equal(ResponseCode.Success, delete.Code);
        Assert.Null(cluster.Broker.Topics.Select("AdmT"));
        Assert.NotNull(await cluster.WaitForRouteAsync("TBW102", r => true));
    }

    [Fact]
    public async Task Creating_a_system_topic_is_refused()
    {
        await using var cluster = await BrokerCluster.StartAsync();

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateAndCreateTopic, new CreateTopicRequestHeader
        {
            Topic = "SCHEDULE_TOPIC_XXXX", DefaultTopic = "TBW102", ReadQueueNums = 1, WriteQueueNums = 1, Perm = 6, TopicFilterType = "SINGLE_TAG",
        }));

        Assert.Equal(ResponseCode.SystemError, response.Code);
        Assert.Contains("conflict with system topic", response.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscription_groups_are_created_listed_and_deleted()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateAndCreateSubscriptionGroup, body: new SubscriptionGroupConfig { GroupName = "SG1" }.Encode()));

        var all = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetAllSubscriptionGroupConfig));
        Assert.Contains("SG1", JsonBody.Decode<SubscriptionGroupWrapper>(all.Body.Span).SubscriptionGroupTable.Keys);

        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.DeleteSubscriptionGroup, new DeleteSubscriptionGroupRequestHeader { GroupName = "SG1" }));
        Assert.Null(cluster.Broker.SubscriptionGroups.Select("SG1"));
    }

    [Fact]
    public async Task Broker_config_is_listed_and_updated_into_the_config_file_and_brokerPermission_reregisters()
    {
        using var dir = new TestDir();
        var file = Path.Combine(dir.Path, "broker.conf");
        await File.WriteAllTextAsync(file, "# test\nbrokerName=broker-t\n");
        await using var cluster = await BrokerCluster.StartAsync(o => o with { ConfigFilePath = file });
        await cluster.CreateTopicAsync("PermT", 1);

        var get = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetBrokerConfig));
        Assert.Contains("brokerName=broker-t\n", Encoding.UTF8.GetString(get.Body.Span), StringComparison.Ordinal);
        Assert.Contains("counter", get.GetExtField("version"), StringComparison.Ordinal);

        var update = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateBrokerConfig, body: "brokerPermission=4\n"u8.ToArray()));

        Assert.Equal(ResponseCode.Success, update.Code);
        Assert.Contains("brokerPermission=4", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.NotNull(await cluster.WaitForRouteAsync("PermT", r => r.QueueDatas.Single().Perm == 4));
        var pullAllowed = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "PermT", 0, 0));
        Assert.NotEqual(ResponseCode.NoPermission, pullAllowed.Code);

        var bad = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateBrokerConfig, body: "listenPort=abc\n"u8.ToArray()));
        Assert.Equal(ResponseCode.SystemError, bad.Code);
        Assert.Contains("listenPort", bad.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broker_permission_update_takes_effect_on_the_next_request_and_is_reregistered_both_ways()
    {
        using var dir = new TestDir();
        var file = Path.Combine(dir.Path, "broker.conf");
        await File.WriteAllTextAsync(file, "brokerName=broker-t\n");
        await using var cluster = await BrokerCluster.StartAsync(o => o with { ConfigFilePath = file });
        await cluster.CreateTopicAsync("PermNowT", 1);

        var writeOnly = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateBrokerConfig, body: "brokerPermission=2\n"u8.ToArray()));
        var pullRefused = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "PermNowT", 0, 0));

        Assert.Equal(ResponseCode.Success, writeOnly.Code);
        Assert.Equal(ResponseCode.NoPermission, pullRefused.Code);
        Assert.NotNull(await cluster.WaitForRouteAsync("PermNowT", r => r.QueueDatas.Single().Perm == PermName.Write));
        Assert.Contains("brokerPermission=2", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        var readWrite = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateBrokerConfig, body: "brokerPermission=6\n"u8.ToArray()));
        var pullAllowed = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "PermNowT", 0, 0));

        Assert.Equal(ResponseCode.Success, readWrite.Code);
        Assert.NotEqual(ResponseCode.NoPermission, pullAllowed.Code);
        Assert.NotNull(await cluster.WaitForRouteAsync("PermNowT", r => r.QueueDatas.Single().Perm == PermName.ReadWrite));
        var config = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetBrokerConfig));
        Assert.Contains("brokerPermission=6\n", Encoding.UTF8.GetString(config.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_are_found_by_offset_id_and_by_key()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("FindT", 1);
        var sent = await cluster.SendAsync("FindT", "findme", tags: "A", keys: "order-1", queueId: 0);
        OffsetMessageId.TryDecode(sent.MsgId, out _, out var offset);

        var view = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ViewMessageById, new ViewMessageRequestHeader { Offset = offset }));
        Assert.Equal(ResponseCode.Success, view.Code);
        Assert.Equal("findme", RecordDecoder.DecodeAll(view.Body.Span).Single().BodyText);

        RemotingCommand? query = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            query = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.QueryMessage, new QueryMessageRequestHeader
            {
                Topic = "FindT", Key = "order-1", MaxNum = 10, BeginTimestamp = 0, EndTimestamp = long.MaxValue,
            }));
            return query.Code == ResponseCode.Success;
        }));
        Assert.Equal("findme", RecordDecoder.DecodeAll(query!.Body.Span).Single().BodyText);

        var missing = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ViewMessageById, new ViewMessageRequestHeader { Offset = 1 << 20 }));
        Assert.Equal(ResponseCode.SystemError, missing.Code);
    }

    [Fact]
    public async Task Clean_stop_unregisters_from_the_name_server()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("GoneT", 1);
        Assert.NotNull(await cluster.WaitForRouteAsync("GoneT"));

        await cluster.Broker.DisposeAsync();

        var response = await cluster.Client.InvokeAsync(cluster.NameServerAddress, RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic, new Remoting.Protocol.Headers.GetRouteInfoRequestHeader("GoneT")), BrokerCluster.Timeout);
        Assert.Equal(ResponseCode.TopicNotExist, response.Code);
    }

    [Fact]
    public async Task Runtime_info_lists_version_offsets_and_queue_sizes()
    {
        await using var cluster = await BrokerCluster.StartAsync();

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetBrokerRuntimeInfo));

        var table = JsonBody.Decode<KvTable>(response.Body.Span).Table;
        Assert.Equal("V4_9_7", table["brokerVersionDesc"]);
        Assert.Equal("10000", table["sendThreadPoolQueueCapacity"]);
        Assert.Contains("commitLogMaxOffset", table.Keys);
        Assert.Equal("0.0 0.0 0.0", table["putTps"]);
    }

    [Fact]
    public async Task Queue_locks_go_to_the_first_client_until_it_unlocks()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        MessageQueue[] queues = [new("LockT", "broker-t", 0), new("LockT", "broker-t", 1)];
        RemotingCommand Lock(string client, int code = RequestCode.LockBatchMq) => RemotingCommand.CreateRequest(code, body:
            new LockBatchRequestBody { ConsumerGroup = "OG", ClientId = client, MqSet = [.. queues] }.Encode());

        var first = JsonBody.Decode<LockBatchResponseBody>((await cluster.InvokeAsync(Lock("c1"))).Body.Span);
        var second = JsonBody.Decode<LockBatchResponseBody>((await cluster.InvokeAsync(Lock("c2"))).Body.Span);
        Assert.Equal(ResponseCode.Success, (await cluster.InvokeAsync(Lock("c1", RequestCode.UnlockBatchMq))).Code);
        var afterUnlock = JsonBody.Decode<LockBatchResponseBody>((await cluster.InvokeAsync(Lock("c2"))).Body.Span);

        Assert.Equal(2, first.LockOkMqSet.Count);
        Assert.Empty(second.LockOkMqSet);
        Assert.Equal(queues, afterUnlock.LockOkMqSet.Order());
    }
}
