using System.Collections.Concurrent;
using System.Text;
using Rmq.Broker.Tests.Support;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Tests;

/// <summary>rmq's own Producer and PushConsumer against a broker and name server in process, over TCP.</summary>
public sealed class ClientLibraryTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private BrokerCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await BrokerCluster.StartAsync();
        await _cluster.CreateTopicAsync("ClientTopic", queues: 4);
        Assert.NotNull(await _cluster.WaitForRouteAsync("ClientTopic"));
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    private Producer NewProducer() =>
        new(new ProducerOptions { ProducerGroup = "client-lib-pg", NameServerAddress = _cluster.NameServerAddress });

    private PushConsumer NewConsumer(string group, ConcurrentQueue<MessageExt> received, string tags = "*", string instance = "A") =>
        NewConsumer(group, received, tags, instance, out _);

    private PushConsumer NewConsumer(string group, ConcurrentQueue<MessageExt> received, string tags, string instance, out PushConsumer consumer)
    {
        consumer = new PushConsumer(
            new PushConsumerOptions
            {
                ConsumerGroup = group,
                NameServerAddress = _cluster.NameServerAddress,
                InstanceName = instance,
                ConsumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
                RebalanceInterval = TimeSpan.FromMilliseconds(500),
                PersistConsumerOffsetInterval = TimeSpan.FromMilliseconds(200),
                PollNameServerInterval = TimeSpan.FromSeconds(1),
            },
            (messages, _) =>
            {
                foreach (var message in messages)
                {
                    received.Enqueue(message);
                }

                return Task.FromResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            });
        consumer.Subscribe("ClientTopic", tags);
        return consumer;
    }

    private async Task<List<SendResult>> SendAsync(Producer producer, int count, string tags, string prefix)
    {
        var results = new List<SendResult>();
        for (var i = 0; i < count; i++)
        {
            var message = new Message("ClientTopic", Encoding.UTF8.GetBytes($"{prefix}-{i}"), tags: tags, keys: $"key-{prefix}-{i}");
            message.PutUserProperty("seq", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var result = await producer.SendAsync(message);
            Assert.Equal(SendStatus.SEND_OK, result.SendStatus);
            results.Add(result);
        }

        return results;
    }

    [Fact]
    public async Task Messages_arrive_intact_and_the_tag_filter_holds()
    {
        await using var producer = NewProducer();
        await producer.StartAsync();
        var sent = await SendAsync(producer, 20, "TagA", "a");
        await SendAsync(producer, 20, "TagB", "b");

        var received = new ConcurrentQueue<MessageExt>();
        await using var consumer = NewConsumer("client-lib-filter", received, "TagA");
        await consumer.StartAsync();

        Assert.True(await Eventually.TrueAsync(() => received.Count >= 20, Deadline), $"received {received.Count} of 20");
        Assert.All(received, m => Assert.Equal("TagA", m.Tags));
        var byBody = received.ToDictionary(m => Encoding.UTF8.GetString(m.Body));
        for (var i = 0; i < 20; i++)
        {
            var message = byBody[$"a-{i}"];
            Assert.Equal($"key-a-{i}", message.Keys);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), message.GetProperty("seq"));
            Assert.Equal(sent[i].OffsetMsgId, message.OffsetMsgId);
        }
    }

    [Fact]
    public async Task Two_consumers_split_the_queues_and_one_takes_over_when_the_other_leaves()
    {
        var first = new ConcurrentQueue<MessageExt>();
        var second = new ConcurrentQueue<MessageExt>();
        await using var one = NewConsumer("client-lib-split", first, "*", "one");
        var two = NewConsumer("client-lib-split", second, "*", "two");
        await one.StartAsync();
        await two.StartAsync();

        // (each also holds its share of the group's %RETRY% topic; count the topic's own queues)
        static int TopicQueues(PushConsumer c) => c.AssignedQueues.Count(q => q.Topic == "ClientTopic");
        Assert.True(await Eventually.TrueAsync(() => TopicQueues(one) == 2 && TopicQueues(two) == 2, Deadline),
            $"assignment {TopicQueues(one)}/{TopicQueues(two)}");
        Assert.Empty(one.AssignedQueues.Intersect(two.AssignedQueues));

        await two.DisposeAsync();
        Assert.True(await Eventually.TrueAsync(() => TopicQueues(one) == 4, Deadline), $"one holds {TopicQueues(one)} queues after two left");

        await using var producer = NewProducer();
        await producer.StartAsync();
        await SendAsync(producer, 12, "T", "takeover");
        Assert.True(await Eventually.TrueAsync(() => first.Count(m => Encoding.UTF8.GetString(m.Body).StartsWith("takeover", StringComparison.Ordinal)) == 12, Deadline));
    }

    [Fact]
    public async Task A_restarted_consumer_resumes_from_its_committed_offset()
    {
        await using var producer = NewProducer();
        await producer.StartAsync();
        await SendAsync(producer, 10, "T", "before");

        var firstRun = new ConcurrentQueue<MessageExt>();
        var consumer = NewConsumer("client-lib-resume", firstRun);
        await consumer.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => firstRun.Count >= 10, Deadline));
        await consumer.DisposeAsync(); // commits its offsets

        await SendAsync(producer, 10, "T", "after");
        var secondRun = new ConcurrentQueue<MessageExt>();
        await using var restarted = NewConsumer("client-lib-resume", secondRun);
        await restarted.StartAsync();

        Assert.True(await Eventually.TrueAsync(() => secondRun.Count >= 10, Deadline), $"received {secondRun.Count} after restart");
        Assert.All(secondRun, m => Assert.StartsWith("after", Encoding.UTF8.GetString(m.Body), StringComparison.Ordinal));
    }
}
