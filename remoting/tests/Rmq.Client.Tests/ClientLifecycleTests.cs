using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.NameServer;
using Rmq.Client.Producer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Tests;

/// <summary>
/// Producer and push consumer against a real name server whose broker address has nothing listening:
/// route lookup, the TBW102 fallback, the retry loop's bookkeeping, start-up and bounded shutdown.
/// </summary>
public sealed class ClientLifecycleTests : IAsyncLifetime
{
    private const string DeadBroker = "127.0.0.1:1";
    private InProcessNameServer _nameServer = null!;

    public async Task InitializeAsync()
    {
        _nameServer = await InProcessNameServer.StartAsync();
    }

    public async Task DisposeAsync() => await _nameServer.DisposeAsync();

    private async Task RegisterAsync(params TopicConfig[] topics)
    {
        var wrapper = new TopicConfigSerializeWrapper { DataVersion = new DataVersion(1, 1) };
        foreach (var topic in topics)
        {
            wrapper.TopicConfigTable[topic.TopicName!] = topic;
        }

        await using var client = new NameServerClient(_nameServer.Address);
        var result = await client.RegisterBrokerAsync("DefaultCluster", DeadBroker, "broker-a", 0, "127.0.0.1:2", new RegisterBrokerBody { TopicConfigSerializeWrapper = wrapper });
        Assert.True(result[0].Succeeded);
    }

    private ProducerOptions ProducerOptions() => new() { ProducerGroup = "PG", NameServerAddress = _nameServer.Address, InstanceName = "test" };

    [Fact]
    public async Task Send_to_a_topic_without_route_or_default_route_fails_with_not_found()
    {
        await using var producer = new Producer.Producer(ProducerOptions());
        await producer.StartAsync();

        var error = await Assert.ThrowsAsync<MQClientException>(() => producer.SendAsync(new Message("NoRoute", [1])));

        Assert.Equal(ClientErrorCode.NotFoundTopicException, error.Code);
    }

    [Fact]
    public async Task Send_to_an_unreachable_broker_uses_every_try_and_sets_a_unique_key()
    {
        await RegisterAsync(new TopicConfig { TopicName = "TopicA", ReadQueueNums = 2, WriteQueueNums = 2 });
        await using var producer = new Producer.Producer(ProducerOptions());
        await producer.StartAsync();
        var message = new Message("TopicA", [1, 2, 3]);

        var error = await Assert.ThrowsAsync<MQClientException>(() => producer.SendAsync(message, TimeSpan.FromSeconds(10)));

        Assert.Contains("Send [3] times", error.Message, StringComparison.Ordinal);
        Assert.Contains("BrokersSent: [broker-a, broker-a, broker-a]", error.Message, StringComparison.Ordinal);
        Assert.Equal(32, message.UniqueKey?.Length);
        Assert.Equal(2, (await producer.FetchPublishMessageQueuesAsync("TopicA")).Count);
    }

    [Fact]
    public async Task A_topic_without_route_is_sent_through_the_TBW102_route()
    {
        await RegisterAsync(new TopicConfig { TopicName = "TBW102", ReadQueueNums = 8, WriteQueueNums = 8, Perm = PermName.ReadWrite | PermName.Inherit });
        await using var producer = new Producer.Producer(ProducerOptions());
        await producer.StartAsync();

        var queues = await producer.FetchPublishMessageQueuesAsync("BrandNew");

        Assert.Equal(4, queues.Count);
        Assert.All(queues, q => Assert.Equal(("BrandNew", "broker-a"), (q.Topic, q.BrokerName)));
    }

    [Fact]
    public async Task A_topic_whose_route_has_no_writable_queue_does_not_fall_back_to_TBW102()
    {
        await RegisterAsync(
            new TopicConfig { TopicName = "TBW102", ReadQueueNums = 8, WriteQueueNums = 8, Perm = PermName.ReadWrite | PermName.Inherit },
            new TopicConfig { TopicName = "ReadOnly", ReadQueueNums = 2, WriteQueueNums = 2, Perm = PermName.Read });
        await using var producer = new Producer.Producer(ProducerOptions());
        await producer.StartAsync();

        var error = await Assert.ThrowsAsync<MQClientException>(() => producer.SendAsync(new Message("ReadOnly", [1])));

        Assert.Equal(ClientErrorCode.NotFoundTopicException, error.Code);
    }

    [Fact]
    public async Task Push_consumer_starts_subscribes_the_retry_topic_and_stops_without_a_broker()
    {
        await RegisterAsync(new TopicConfig { TopicName = "TopicA", ReadQueueNums = 2, WriteQueueNums = 2 });
        var options = new PushConsumerOptions { ConsumerGroup = "CG", NameServerAddress = _nameServer.Address, InstanceName = "test" };
        var consumer = new PushConsumer(options, (_, _) => Task.FromResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS));
        consumer.Subscribe("TopicA", "TagA || TagB");

        await consumer.StartAsync();
        var heartbeat = consumer.BuildHeartbeat();
        var assigned = consumer.AssignedQueues;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await consumer.DisposeAsync().AsTask().WaitAsync(deadline.Token);

        Assert.EndsWith("@test", heartbeat.ClientId, StringComparison.Ordinal);
        var data = Assert.Single(heartbeat.ConsumerDataSet);
        Assert.Equal(["%RETRY%CG", "TopicA"], data.SubscriptionDataSet.Select(s => s.Topic).Order(StringComparer.Ordinal));
        Assert.Equal(["TagA", "TagB"], data.SubscriptionDataSet.Single(s => s.Topic == "TopicA").TagsSet);
        Assert.Contains(heartbeat.ProducerDataSet, p => p.GroupName == "CLIENT_INNER_PRODUCER");
        Assert.Empty(assigned);
    }

    [Fact]
    public async Task Pull_consumer_lists_readable_queues()
    {
        await RegisterAsync(new TopicConfig { TopicName = "TopicA", ReadQueueNums = 3, WriteQueueNums = 1 });
        await using var consumer = new PullConsumer(new PullConsumerOptions { NameServerAddress = _nameServer.Address });

        var queues = await consumer.FetchSubscribeMessageQueuesAsync("TopicA");

        Assert.Equal([0, 1, 2], queues.Select(q => q.QueueId));
    }
}
