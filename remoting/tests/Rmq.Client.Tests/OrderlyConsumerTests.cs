using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.Remoting.Protocol.Bodies;
using Xunit.Abstractions;

namespace Rmq.Client.Tests;

/// <summary>
/// The orderly listener over the wire against a broker in process: queue locks, order per queue through a
/// rebalance, no two consumers inside one queue at the same time, suspension and the DLQ after MaxReconsumeTimes.
/// </summary>
public sealed class OrderlyConsumerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Topic = "OrderlyT";
    private const int Queues = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private InProcessBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _broker = await InProcessBroker.StartAsync();
        await _broker.CreateTopicAsync(Topic, Queues);
    }

    public Task DisposeAsync() => _broker.DisposeAsync().AsTask();

    /// <summary>One listener call: who consumed which message, and when (Stopwatch ticks, one clock for every consumer).</summary>
    private sealed record Consumed(string Consumer, int QueueId, long QueueOffset, int Seq, int ReconsumeTimes, long Start, long End);

    private PushConsumerOptions Options(string group, string instance, int maxReconsumeTimes = 16) => new()
    {
        ConsumerGroup = group,
        NameServerAddress = _broker.NameServerAddress,
        InstanceName = instance,
        ConsumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
        RebalanceInterval = TimeSpan.FromMilliseconds(500),
        RebalanceLockInterval = TimeSpan.FromSeconds(1),
        PersistConsumerOffsetInterval = TimeSpan.FromMilliseconds(200),
        PollNameServerInterval = TimeSpan.FromSeconds(1),
        PullBatchSize = 8,
        MaxReconsumeTimes = maxReconsumeTimes,
        SuspendCurrentQueueTime = TimeSpan.FromMilliseconds(100),
    };

    private PushConsumer Recording(PushConsumerOptions options, ConcurrentQueue<Consumed> log, Func<MessageExt, ConsumeOrderlyStatus>? decide = null)
    {
        var consumer = new PushConsumer(options, async (messages, context) =>
        {
            var start = Stopwatch.GetTimestamp();
            await Task.Delay(5);
            var status = ConsumeOrderlyStatus.SUCCESS;
            foreach (var message in messages)
            {
                status = decide?.Invoke(message) ?? ConsumeOrderlyStatus.SUCCESS;
            }

            var end = Stopwatch.GetTimestamp();
            foreach (var message in messages)
            {
                log.Enqueue(new Consumed(options.InstanceName, context.MessageQueue.QueueId, message.QueueOffset,
                    int.Parse(message.GetProperty("seq")!, CultureInfo.InvariantCulture), message.ReconsumeTimes, start, end));
            }

            return status;
        }, TestOutputLogger.Create(output));
        consumer.Subscribe(Topic);
        return consumer;
    }

    private async Task SendRoundAsync(Producer.Producer producer, int from, int count)
    {
        for (var seq = from; seq < from + count; seq++)
        {
            for (var queueId = 0; queueId < Queues; queueId++)
            {
                var message = new Message(Topic, Encoding.UTF8.GetBytes($"q{queueId}-{seq}"), tags: "Order");
                message.PutUserProperty("seq", seq.ToString(CultureInfo.InvariantCulture));
                var result = await producer.SendAsync(message, new MessageQueue(Topic, "broker-c", queueId));
                Assert.Equal(SendStatus.SEND_OK, result.SendStatus);
            }
        }
    }

    private static int Owned(PushConsumer consumer) => consumer.AssignedQueues.Count(q => q.Topic == Topic);

    private static bool AllConsumed(ConcurrentQueue<Consumed> log, int count) =>
        Enumerable.Range(0, Queues).All(q => log.Where(c => c.QueueId == q).Select(c => c.Seq).Distinct().Count() == count);

    [Fact]
    public async Task Two_orderly_consumers_keep_each_queue_in_order_and_never_overlap_while_one_joins_and_one_leaves()
    {
        // Given consumer A alone in the group, consuming what is sent
        const string group = "GID_Orderly";
        const int perRound = 50;
        const int rounds = 4;
        var log = new ConcurrentQueue<Consumed>();
        await using var producer = new Producer.Producer(new ProducerOptions { ProducerGroup = "PG_Orderly", NameServerAddress = _broker.NameServerAddress, InstanceName = "P" });
        await producer.StartAsync();
        var consumerA = Recording(Options(group, "A"), log);
        var consumerB = Recording(Options(group, "B"), log);
        try
        {
            await consumerA.StartAsync();
            Assert.True(await Eventually.TrueAsync(() => Owned(consumerA) == Queues, Deadline), "A owns every queue");
            await SendRoundAsync(producer, 0, perRound);
            Assert.True(await Eventually.TrueAsync(() => log.Count >= Queues * perRound / 2, Deadline), "A consuming");

            // When B joins while messages are still coming, then A leaves while more are coming
            await consumerB.StartAsync();
            var sendSecond = SendRoundAsync(producer, perRound, perRound);
            Assert.True(await Eventually.TrueAsync(() => Owned(consumerA) == Queues / 2 && Owned(consumerB) == Queues / 2, Deadline),
                $"the queues split between A ({Owned(consumerA)}) and B ({Owned(consumerB)})");
            await sendSecond;
            Assert.True(await Eventually.TrueAsync(() => log.Any(c => c.Consumer == "B" && c.Seq >= perRound), Deadline), "B consuming the second round");
            var sendThird = SendRoundAsync(producer, 2 * perRound, perRound);
            await consumerA.DisposeAsync();
            await sendThird;
            await SendRoundAsync(producer, 3 * perRound, perRound);

            // Then B ends up with every queue and every message is consumed
            Assert.True(await Eventually.TrueAsync(() => Owned(consumerB) == Queues, Deadline), "B owns every queue after A left");
            Assert.True(await Eventually.TrueAsync(() => AllConsumed(log, rounds * perRound), Deadline), "every message consumed");
        }
        finally
        {
            await consumerA.DisposeAsync();
            await consumerB.DisposeAsync();
        }

        var records = log.ToList();
        for (var queueId = 0; queueId < Queues; queueId++)
        {
            var inQueue = records.Where(c => c.QueueId == queueId).OrderBy(c => c.Start).ToList();
            Assert.Equal(Enumerable.Range(0, rounds * perRound), inQueue.Select(c => c.Seq).Distinct().Order());
            for (var i = 1; i < inQueue.Count; i++)
            {
                var (previous, next) = (inQueue[i - 1], inQueue[i]);

                // order: one owner goes on with the next message; a new owner may start again at the committed offset, never past it
                Assert.True(next.Seq == previous.Seq + 1 || (next.Consumer != previous.Consumer && next.Seq <= previous.Seq + 1),
                    $"queue {queueId}: {previous} then {next}");

                // no overlap: a listener call on this queue starts only after the previous one ended
                Assert.True(next.Start >= previous.End, $"queue {queueId}: {next} started before {previous} ended");
            }
        }

        var duplicates = records.Count - records.Select(c => (c.QueueId, c.Seq)).Distinct().Count();
        var owners = records.GroupBy(c => c.QueueId).Select(g => $"q{g.Key}: " + string.Join(",", g.Select(c => c.Consumer).Distinct()));
        output.WriteLine($"{records.Count} listener records, {duplicates} duplicates; owners {string.Join("; ", owners)}");
        Assert.All(Enumerable.Range(0, Queues), q => Assert.Equal(["A", "B"], records.Where(c => c.QueueId == q).Select(c => c.Consumer).Distinct().Order()));
    }

    [Fact]
    public async Task A_suspended_message_is_consumed_again_before_anything_after_it_and_goes_to_the_DLQ_after_max_reconsume_times()
    {
        // Given an orderly consumer that suspends seq 3 twice and always suspends seq 7, with MaxReconsumeTimes 2
        const string group = "GID_OrderlySuspend";
        var log = new ConcurrentQueue<Consumed>();
        await using var producer = new Producer.Producer(new ProducerOptions { ProducerGroup = "PG_OrderlySuspend", NameServerAddress = _broker.NameServerAddress, InstanceName = "P" });
        await producer.StartAsync();
        await using var consumer = Recording(Options(group, "S", maxReconsumeTimes: 2), log, message =>
        {
            var seq = message.GetProperty("seq");
            return (seq == "3" && message.ReconsumeTimes < 2) || seq == "7"
                ? ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT
                : ConsumeOrderlyStatus.SUCCESS;
        });
        await consumer.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => Owned(consumer) == Queues, Deadline), "the consumer owns every queue");

        // When 10 messages per queue are sent
        await SendRoundAsync(producer, 0, 10);

        // Then each queue sees 0..9 in order, seq 3 three times in a row (reconsume times 0, 1, 2) before seq 4,
        // seq 7 three times and then the rest; seq 7 of every queue lands in the DLQ
        Assert.True(await Eventually.TrueAsync(() => AllConsumed(log, 10) && log.Count(c => c.Seq == 9) == Queues, Deadline), "every message consumed");
        foreach (var queue in log.GroupBy(c => c.QueueId))
        {
            var sequence = queue.OrderBy(c => c.Start).ToList();
            Assert.Equal([0, 1, 2, 3, 3, 3, 4, 5, 6, 7, 7, 7, 8, 9], sequence.Select(c => c.Seq));
            Assert.Equal([0, 1, 2], sequence.Where(c => c.Seq == 3).Select(c => c.ReconsumeTimes));
            Assert.Equal([0, 1, 2], sequence.Where(c => c.Seq == 7).Select(c => c.ReconsumeTimes));
        }

        await using var brokerClient = new BrokerClient();
        Assert.True(await Eventually.TrueAsync(async () => await brokerClient.GetMaxOffsetAsync(_broker.BrokerAddress, "%DLQ%" + group, 0) == Queues, Deadline),
            "seq 7 of every queue in %DLQ%" + group);
    }
}
