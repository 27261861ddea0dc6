using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Remoting.Transport;

namespace Rmq.Broker.Tests;

public sealed class ClientManagementTests
{
    private static RemotingCommand Heartbeat(string clientId, string group, string topic, string subString = "*") =>
        RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: new HeartbeatData
        {
            ClientId = clientId,
            ConsumerDataSet =
            [
                new ConsumerData
                {
                    GroupName = group,
                    SubscriptionDataSet = [SubscriptionData.ForTags(topic, subString, 1), SubscriptionData.ForTags("%RETRY%" + group, "*", 1)],
                },
            ],
            ProducerDataSet = [new ProducerData("CLIENT_INNER_PRODUCER")],
        }.Encode());

    [Fact]
    public async Task Heartbeat_registers_the_consumer_creates_the_retry_topic_and_the_subscription_group()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("HbT", 2);

        var response = await cluster.InvokeAsync(Heartbeat("10.0.0.1@1", "HbG", "HbT", "TagA || TagB"));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal(1, cluster.Broker.Topics.Select("%RETRY%HbG")!.ReadQueueNums);
        Assert.NotNull(cluster.Broker.SubscriptionGroups.Select("HbG"));
        var list = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetConsumerListByGroup, new ConsumerGroupRequestHeader { ConsumerGroup = "HbG" }));
        Assert.Equal(["10.0.0.1@1"], JsonBody.Decode<ConsumerIdList>(list.Body.Span).ConsumerIds);

        // the heartbeat subscription serves pulls without the SUBSCRIPTION flag
        await cluster.SendAsync("HbT", "c", tags: "TagC", queueId: 0);
        await cluster.SendAsync("HbT", "a", tags: "TagA", queueId: 0);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("HbT", 0) == 2));
        var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest("HbG", "HbT", 0, 0, subscription: null, flags: PullSysFlag.None));
        Assert.Equal("TagA", RecordDecoder.DecodeAll(pull.Body.Span).Single().Tags);
    }

    [Fact]
    public async Task Unknown_group_answers_1_and_unregister_removes_the_client()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        var none = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetConsumerListByGroup, new ConsumerGroupRequestHeader { ConsumerGroup = "NoG" }));
        Assert.Equal(ResponseCode.SystemError, none.Code);

        await cluster.InvokeAsync(Heartbeat("c1", "UG", "T"));
        var unregister = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UnregisterClient, new UnregisterClientRequestHeader { ClientId = "c1", ConsumerGroup = "UG" }));

        Assert.Equal(ResponseCode.Success, unregister.Code);
        Assert.Null(cluster.Broker.Consumers.GetConsumerGroupInfo("UG"));
    }

    [Fact]
    public async Task A_new_consumer_makes_the_broker_notify_the_other_consumers_of_the_group()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        var notified = new TaskCompletionSource<RemotingCommand>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var first = new RemotingClient(new RemotingClientOptions());
        await using var executor = new RequestExecutor("test", 1, 10);
        first.Processors.Register(RequestCode.NotifyConsumerIdsChanged, new Capture(notified), executor);

        await first.InvokeAsync(cluster.BrokerAddress, Heartbeat("client-1", "NG", "T"), BrokerCluster.Timeout);
        await cluster.InvokeAsync(Heartbeat("client-2", "NG", "T"));

        var notice = await notified.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("NG", notice.GetExtField("consumerGroup"));
        Assert.True(notice.IsOneway);
    }

    [Fact]
    public async Task A_closed_connection_leaves_its_group_at_once()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await using (var client = new RemotingClient(new RemotingClientOptions()))
        {
            await client.InvokeAsync(cluster.BrokerAddress, Heartbeat("gone", "CG", "T"), BrokerCluster.Timeout);
            Assert.NotNull(cluster.Broker.Consumers.GetConsumerGroupInfo("CG"));
        }

        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Consumers.GetConsumerGroupInfo("CG") is null));
    }

    [Fact]
    public async Task Check_client_config_accepts_tag_and_refuses_sql92()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        var tag = new Protocol.CheckClientConfigBody { ClientId = "c", Group = "G", SubscriptionData = SubscriptionData.ForTags("T", "*", 1) };
        var sql = new Protocol.CheckClientConfigBody { ClientId = "c", Group = "G", SubscriptionData = new SubscriptionData { Topic = "T", SubString = "a > 1", ExpressionType = "SQL92" } };

        Assert.Equal(ResponseCode.Success, (await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.CheckClientConfig, body: tag.Encode()))).Code);
        Assert.Equal(ResponseCode.SystemError, (await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.CheckClientConfig, body: sql.Encode()))).Code);
    }

    private sealed class Capture(TaskCompletionSource<RemotingCommand> target) : IRequestProcessor
    {
        public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        {
            target.TrySetResult(request);
            return ValueTask.FromResult<RemotingCommand?>(null);
        }
    }
}
