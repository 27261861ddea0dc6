using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.E2E.Support;
using Rmq.Remoting.Protocol.Bodies;
using Xunit.Abstractions;

namespace Rmq.E2E.Processes;

/// <summary>
/// rmq's own PushConsumer and Producer through a master's SIGKILL and return, with real `rmq broker` processes:
/// pulls move to the slave (suggestWhichBrokerId / route), offsets are committed to the slave while the master is
/// gone and to the master again once it is back; sends never go to a slave.
/// </summary>
public class ConsumerFailoverProcessTests(ITestOutputHelper output)
{
    private const string Topic = "FailoverConsumeT";
    private const string Group = "GID_FailoverConsume";
    private const string BrokerName = "broker-fc";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static string[] SlaveLines => ["brokerId=1", "brokerRole=SLAVE", "slaveReadEnable=true"];

    private static Producer NewProducer(string namesrv) =>
        new(new ProducerOptions { ProducerGroup = "PG_FailoverConsume", NameServerAddress = namesrv, InstanceName = "fc-producer", PollNameServerInterval = TimeSpan.FromSeconds(1) });

    /// <summary>Sends <paramref name="count"/> messages; returns the bodies answered SEND_OK (a SYNC_MASTER answers so once its slave holds them).</summary>
    private static async Task<List<string>> SendAsync(Producer producer, string run, int count)
    {
        var acknowledged = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var body = $"{run}-{i}";
            if ((await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes(body)))).SendStatus == SendStatus.SEND_OK)
            {
                acknowledged.Add(body);
            }
        }

        return acknowledged;
    }

    /// <summary>Waits until a SYNC_MASTER answers SEND_OK (its slave connected); the probe messages are consumed too.</summary>
    private static async Task WaitForSendOkAsync(Producer producer, string run)
    {
        var probe = 0;
        Assert.True(await Eventually.TrueAsync(async () =>
            (await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes($"{run}-probe-{probe++}")))).SendStatus == SendStatus.SEND_OK,
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300)), "the SYNC_MASTER never answered SEND_OK");
    }

    private static async Task<long> CommittedOnAsync(BrokerClient client, string address, int queueId)
    {
        try
        {
            return await client.QueryConsumerOffsetAsync(address, Group, Topic, queueId) ?? -1;
        }
        catch (Exception e) when (e is Rmq.Client.MQClientException or Rmq.Remoting.Transport.RemotingException)
        {
            return -1;
        }
    }

    [Fact]
    public async Task Push_consumer_continues_on_the_slave_when_the_sync_master_dies_and_commits_to_the_master_again_when_it_returns()
    {
        // Given a SYNC_MASTER + SLAVE (slaveReadEnable) pair with 100 acknowledged messages
        await using var namesrv = await NameServerProcess.StartAsync();
        await using var master = await BrokerProcess.StartAsync(namesrv, BrokerName, "brokerRole=SYNC_MASTER", "slaveReadEnable=true");
        await using var slave = await BrokerProcess.StartAsync(namesrv, BrokerName, SlaveLines);
        await using var client = new BrokerClient();
        await client.CreateTopicAsync(master.Address, new TopicConfig { TopicName = Topic, ReadQueueNums = 2, WriteQueueNums = 2, Perm = PermName.ReadWrite });
        Assert.True(await Eventually.TrueAsync(async () => (await client.GetAllTopicConfigAsync(slave.Address)).TopicConfigTable.ContainsKey(Topic), TimeSpan.FromSeconds(30)),
            "the slave never copied the topic config from its master");
        var acknowledged = new List<string>();
        await using (var producer = NewProducer(namesrv.Address))
        {
            await producer.StartAsync();
            await WaitForSendOkAsync(producer, "first");
            acknowledged.AddRange(await SendAsync(producer, "first", 100));
        }

        Assert.Equal(100, acknowledged.Count);

        // and an rmq PushConsumer working through them slowly
        var consumed = new ConcurrentQueue<string>();
        var consumedAfterKill = 0;
        var masterDown = false;
        await using var consumer = new PushConsumer(
            new PushConsumerOptions
            {
                ConsumerGroup = Group,
                NameServerAddress = namesrv.Address,
                InstanceName = "fc-consumer",
                ConsumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
                PollNameServerInterval = TimeSpan.FromSeconds(1),
                HeartbeatBrokerInterval = TimeSpan.FromSeconds(1),
                RebalanceInterval = TimeSpan.FromSeconds(1),
                PersistConsumerOffsetInterval = TimeSpan.FromMilliseconds(500),
                PullTimeDelayWhenException = TimeSpan.FromMilliseconds(500),
                PullBatchSize = 4,
                ConsumeThreadMax = 2,
            },
            async (messages, _) =>
            {
                await Task.Delay(40);
                foreach (var message in messages)
                {
                    consumed.Enqueue(Encoding.UTF8.GetString(message.Body));
                    if (Volatile.Read(ref masterDown))
                    {
                        Interlocked.Increment(ref consumedAfterKill);
                    }
                }

                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            },
            TestOutputLogger.Create(output));
        consumer.Subscribe(Topic);
        await consumer.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(consumed.Count >= 30), Deadline), "consuming before the kill");

        // When the master is killed mid-way
        await master.Process.KillAsync(TimeSpan.FromSeconds(10));
        Volatile.Write(ref masterDown, true);
        output.WriteLine($"master killed after {consumed.Count} consumed");

        // Then the consumer goes on from the slave and gets every acknowledged message, and commits its offsets to the slave
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(acknowledged.All(consumed.Contains)), Deadline),
            $"{acknowledged.Count(b => !consumed.Contains(b))} acknowledged messages not consumed with the master down");
        Assert.True(consumedAfterKill > 0, "nothing was consumed from the slave");
        var slaveMax = new long[2];
        for (var queueId = 0; queueId < 2; queueId++)
        {
            slaveMax[queueId] = await client.GetMaxOffsetAsync(slave.Address, Topic, queueId);
        }

        Assert.True(await Eventually.TrueAsync(async () =>
                await CommittedOnAsync(client, slave.Address, 0) == slaveMax[0] && await CommittedOnAsync(client, slave.Address, 1) == slaveMax[1], Deadline),
            $"offsets committed to the slave: {await CommittedOnAsync(client, slave.Address, 0)}/{slaveMax[0]}, {await CommittedOnAsync(client, slave.Address, 1)}/{slaveMax[1]}");
        output.WriteLine($"{consumedAfterKill} consumed after the kill; slave holds committed offsets {slaveMax[0]}, {slaveMax[1]}");

        // When the master comes back and 50 more messages are acknowledged
        await master.StartAgainAsync();
        await using (var producer = NewProducer(namesrv.Address))
        {
            await producer.StartAsync();
            await WaitForSendOkAsync(producer, "second");
            acknowledged.AddRange(await SendAsync(producer, "second", 50));
        }

        // Then they are consumed too, and the master's committed offsets reach the end of both queues
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(acknowledged.All(consumed.Contains)), Deadline),
            $"{acknowledged.Count(b => !consumed.Contains(b))} acknowledged messages not consumed after the master returned");
        var masterMax = new long[2];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            for (var queueId = 0; queueId < 2; queueId++)
            {
                masterMax[queueId] = await client.GetMaxOffsetAsync(master.Address, Topic, queueId);
            }

            return await CommittedOnAsync(client, master.Address, 0) == masterMax[0] && await CommittedOnAsync(client, master.Address, 1) == masterMax[1];
        }, Deadline), $"offsets committed to the master: {await CommittedOnAsync(client, master.Address, 0)}/{masterMax[0]}, {await CommittedOnAsync(client, master.Address, 1)}/{masterMax[1]}");

        var all = consumed.ToList();
        var duplicates = all.Count - all.Distinct(StringComparer.Ordinal).Count();
        output.WriteLine($"{acknowledged.Count} acknowledged, {all.Distinct(StringComparer.Ordinal).Count()} distinct consumed, {duplicates} duplicates, {consumedAfterKill} consumed after the kill");
        Assert.True(duplicates <= acknowledged.Count / 4, $"{duplicates} duplicates");
    }
}
