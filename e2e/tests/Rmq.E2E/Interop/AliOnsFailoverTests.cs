using System.Text;
using System.Text.Json;
using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.E2E.Support;
using Rmq.Remoting.Protocol.Bodies;
using Xunit.Abstractions;

namespace Rmq.E2E.Interop;

/// <summary>
/// The unmodified ali-ons 3.12.0 push consumer against real rmq processes (namesrv + SYNC_MASTER + SLAVE with
/// slaveReadEnable=true): the master is killed with SIGKILL while the consumer is busy, and the consumer goes on
/// pulling from the slave (ali-ons falls back to another address of the broker name once the route lacks id 0).
/// </summary>
public class AliOnsFailoverTests(ITestOutputHelper output)
{
    private const string Topic = "AliOnsFailoverT";
    private const string Group = "GID_AliOnsFailover";
    private const int Count = 100;

    private static async Task<List<string>> SendAsync(string namesrv)
    {
        await using var producer = new Producer(new ProducerOptions { ProducerGroup = "ali-ons-failover-test", NameServerAddress = namesrv });
        await producer.StartAsync();

        // a SYNC_MASTER answers SLAVE_NOT_AVAILABLE until its slave has connected
        Assert.True(await Eventually.TrueAsync(async () =>
            (await producer.SendAsync(new Message(Topic, "probe"u8.ToArray()))).SendStatus == SendStatus.SEND_OK,
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300)), "the SYNC_MASTER never answered SEND_OK");

        var acknowledged = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var body = $"failover-{i}";
            var result = await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes(body)));
            if (result.SendStatus == SendStatus.SEND_OK)
            {
                acknowledged.Add(body);
            }
        }

        return acknowledged;
    }

    private static HashSet<string> Consumed(AliOnsBrokerConsumer consumer) =>
        consumer.Messages.Select(m => m.GetProperty("body").GetString()!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task Ali_ons_consumer_keeps_consuming_from_the_slave_after_the_sync_master_is_killed()
    {
        await using var namesrv = await NameServerProcess.StartAsync();
        await using var master = await BrokerProcess.StartAsync(namesrv, "broker-failover", "brokerRole=SYNC_MASTER");
        await using var slave = await BrokerProcess.StartAsync(namesrv, "broker-failover", "brokerId=1", "brokerRole=SLAVE", "slaveReadEnable=true");
        await using (var admin = new BrokerClient())
        {
            await admin.CreateTopicAsync(master.Address, new TopicConfig { TopicName = Topic, ReadQueueNums = 2, WriteQueueNums = 2, Perm = PermName.ReadWrite });
        }

        var acknowledged = await SendAsync(namesrv.Address);
        Assert.Equal(Count, acknowledged.Count);

        // the slave must know the topic before its master dies (it copies the master's table every 10 s)
        await using (var client = new BrokerClient())
        {
            Assert.True(await Eventually.TrueAsync(async () =>
                (await client.GetAllTopicConfigAsync(slave.Address)).TopicConfigTable.ContainsKey(Topic), TimeSpan.FromSeconds(30)),
                "the slave never copied the topic config from its master");
        }

        // short route refresh / rebalance / heartbeat, small pulls and a slow handler: the consumer is mid-way when the master dies
        var environment = new Dictionary<string, string>
        {
            ["NODE_OPTIONS"] = "--require " + Path.Combine(RepoPaths.AliOnsDir, "failover-options.js"),
            ["ALI_ONS_OPTIONS"] = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["pollNameServerInteval"] = 1000,
                ["heartbeatBrokerInterval"] = 1000,
                ["rebalanceInterval"] = 1000,
                ["pullBatchSize"] = 4,
                ["pullThresholdForQueue"] = 4,
                ["pullTimeDelayMillsWhenFlowControl"] = 100,
                ["consumeFromWhere"] = "CONSUME_FROM_FIRST_OFFSET",
            }),
            ["HANDLER_DELAY_MS"] = "60",
            ["LOG_PULLS"] = "1",
        };
        await using var consumer = AliOnsBrokerConsumer.Start(namesrv.Address, Topic, Group, "*", environment);
        await consumer.WaitForAsync(c => Consumed(c).Count(acknowledged.Contains) >= 10, "the first messages consumed from the master");

        await master.Process.KillAsync(TimeSpan.FromSeconds(10));
        var beforeKill = Consumed(consumer).Count(acknowledged.Contains);
        output.WriteLine($"consumed from the master before SIGKILL: {beforeKill} of {acknowledged.Count}");
        Assert.True(beforeKill < acknowledged.Count, "the consumer had already consumed everything before the master died; the test proves nothing");

        await consumer.WaitForAsync(c => acknowledged.All(Consumed(c).Contains), "every acknowledged message consumed after the master died", TimeSpan.FromSeconds(60));
        var missing = acknowledged.Where(b => !Consumed(consumer).Contains(b)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged messages never consumed, e.g. {string.Join(", ", missing.Take(5))}");

        // and they really came from the slave: pulls answered by its address carried acknowledged messages
        var fromSlave = consumer.Events
            .Where(e => e.GetProperty("event").GetString() == "pull" && e.GetProperty("addr").GetString() == slave.Address)
            .SelectMany(e => e.GetProperty("bodies").EnumerateArray().Select(b => b.GetString()!))
            .Where(acknowledged.Contains)
            .ToHashSet(StringComparer.Ordinal);
        var pulledBeforeKill = consumer.Events
            .Where(e => e.GetProperty("event").GetString() == "pull" && e.GetProperty("addr").GetString() == master.Address)
            .SelectMany(e => e.GetProperty("bodies").EnumerateArray().Select(b => b.GetString()!))
            .ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"pulled from the master: {pulledBeforeKill.Count(acknowledged.Contains)}, from the slave: {fromSlave.Count}");
        Assert.NotEmpty(fromSlave);
        Assert.True(acknowledged.All(b => pulledBeforeKill.Contains(b) || fromSlave.Contains(b)), "some acknowledged message was neither pulled from the master nor from the slave");
        output.WriteLine($"after failover: {consumer.Messages.Count} deliveries for {acknowledged.Count} acknowledged messages");
    }
}
