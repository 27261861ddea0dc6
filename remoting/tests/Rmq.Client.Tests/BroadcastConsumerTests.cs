using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.Remoting.Protocol.Bodies;
using Xunit.Abstractions;

namespace Rmq.Client.Tests;

/// <summary>BROADCASTING over the wire against a broker in process: every consumer gets every message; offsets in local files.</summary>
public sealed class BroadcastConsumerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Topic = "BroadcastT";
    private const string Group = "GID_Broadcast";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _offsetDir = Path.Combine(Path.GetTempPath(), "rmq-client-offsets-" + Guid.NewGuid().ToString("N"));
    private InProcessBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _broker = await InProcessBroker.StartAsync();
        await _broker.CreateTopicAsync(Topic, 4);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        if (Directory.Exists(_offsetDir))
        {
            Directory.Delete(_offsetDir, recursive: true);
        }
    }

    private PushConsumer Broadcasting(string instance, ConcurrentQueue<MessageExt> received)
    {
        var consumer = new PushConsumer(
            new PushConsumerOptions
            {
                ConsumerGroup = Group,
                MessageModel = MessageModel.BROADCASTING,
                LocalOffsetStoreDir = _offsetDir,
                NameServerAddress = _broker.NameServerAddress,
                InstanceName = instance,
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

                // a failure in BROADCASTING is dropped, not sent back
                return Task.FromResult(messages.Any(m => m.Tags == "Fail") ? ConsumeConcurrentlyStatus.RECONSUME_LATER : ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            },
            TestOutputLogger.Create(output));
        consumer.Subscribe(Topic);
        return consumer;
    }

    private static async Task SendAsync(Producer.Producer producer, int from, int count, string tags = "TagA")
    {
        for (var i = from; i < from + count; i++)
        {
            var message = new Message(Topic, Encoding.UTF8.GetBytes($"b-{i}"), tags: tags, keys: $"k-{i}");
            Assert.Equal(SendStatus.SEND_OK, (await producer.SendAsync(message)).SendStatus);
        }
    }

    private static int Distinct(ConcurrentQueue<MessageExt> received) => received.Select(m => m.Keys).Distinct().Count();

    [Fact]
    public async Task Every_broadcasting_consumer_gets_every_message_and_a_restarted_one_resumes_from_its_local_offsets()
    {
        // Given two broadcasting consumers of one group, each pulling all four queues
        await using var producer = new Producer.Producer(new ProducerOptions { ProducerGroup = "PG_Broadcast", NameServerAddress = _broker.NameServerAddress, InstanceName = "P" });
        await producer.StartAsync();
        var receivedA = new ConcurrentQueue<MessageExt>();
        var receivedB = new ConcurrentQueue<MessageExt>();
        await using var consumerA = Broadcasting("A", receivedA);
        var consumerB = Broadcasting("B", receivedB);
        await consumerA.StartAsync();
        await consumerB.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => consumerA.AssignedQueues.Count == 4 && consumerB.AssignedQueues.Count == 4, Deadline), "both own every queue");
        Assert.DoesNotContain(consumerA.AssignedQueues, q => q.Topic.StartsWith("%RETRY%", StringComparison.Ordinal));

        // When 40 messages are sent, one of them failing in the listener
        await SendAsync(producer, 0, 39);
        await SendAsync(producer, 39, 1, tags: "Fail");

        // Then each consumer gets all 40
        Assert.True(await Eventually.TrueAsync(() => Distinct(receivedA) == 40 && Distinct(receivedB) == 40, Deadline), $"A {Distinct(receivedA)}, B {Distinct(receivedB)} of 40");
        var offsetFile = consumerB.LocalOffsetFile!;
        Assert.Equal(Path.Combine(_offsetDir, consumerB.ClientId, Group, "offsets.json"), offsetFile);

        // When B stops, 20 more are sent, and B starts again with the same client id and offset directory
        await consumerB.DisposeAsync();
        var stored = new BroadcastOffsetStore(_offsetDir, "127.0.0.1@never", Group);
        Assert.True(File.Exists(offsetFile));
        await SendAsync(producer, 40, 20);
        var receivedB2 = new ConcurrentQueue<MessageExt>();
        await using var consumerB2 = Broadcasting("B", receivedB2);
        await consumerB2.StartAsync();

        // Then the new B gets exactly the 20 it missed, and A all 60
        Assert.True(await Eventually.TrueAsync(() => Distinct(receivedB2) == 20 && Distinct(receivedA) == 60, Deadline), $"B again {Distinct(receivedB2)} of 20, A {Distinct(receivedA)} of 60");
        Assert.Equal(Enumerable.Range(40, 20).Select(i => $"k-{i}").Order(), receivedB2.Select(m => m.Keys!).Distinct().Order());

        // and the failed message was consumed once by each (dropped, not redelivered); no offset went to the broker
        Assert.Single(receivedA, m => m.Tags == "Fail");
        Assert.Single(receivedB, m => m.Tags == "Fail");
        await using var brokerClient = new BrokerClient();
        for (var queueId = 0; queueId < 4; queueId++)
        {
            // 4.x answers "no offset" (22) or, for a queue still starting at 0, SUCCESS with 0
            Assert.Equal(0, await QueryOffsetOrNullAsync(brokerClient, queueId) ?? 0);
        }

        Assert.Empty(stored.Load());
        var fileB2 = new BroadcastOffsetStore(_offsetDir, consumerB2.ClientId, Group);
        Assert.True(await Eventually.TrueAsync(() => fileB2.Load().Where(o => o.Key.Topic == Topic).Sum(o => o.Value) == 60, Deadline),
            "the local offsets reach the 60 messages: " + string.Join(", ", fileB2.Load()));
    }

    private async Task<long?> QueryOffsetOrNullAsync(BrokerClient client, int queueId)
    {
        try
        {
            return await client.QueryConsumerOffsetAsync(_broker.BrokerAddress, Group, Topic, queueId);
        }
        catch (MQClientException)
        {
            return null;
        }
    }
}
