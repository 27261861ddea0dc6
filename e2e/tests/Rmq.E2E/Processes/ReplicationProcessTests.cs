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
/// The source document's claims about Master/Slave pairs, with real `rmq broker` processes on loopback:
/// a Master killed with SIGKILL, its Slave still serving what was acknowledged.
/// </summary>
public class ReplicationProcessTests(ITestOutputHelper output)
{
    private const string Topic = "ReplicatedTopic";

    private static string[] SlaveLines => ["brokerId=1", "brokerRole=SLAVE", "slaveReadEnable=true"];

    private static async Task<List<string>> SendAsync(string namesrv, int count, bool requireSendOk)
    {
        await using var producer = new Producer(new ProducerOptions { ProducerGroup = "replication-test", NameServerAddress = namesrv });
        await producer.StartAsync();
        if (requireSendOk)
        {
            // a SYNC_MASTER answers SLAVE_NOT_AVAILABLE until its slave has connected
            Assert.True(await Eventually.TrueAsync(async () =>
                (await producer.SendAsync(new Message(Topic, "probe"u8.ToArray()))).SendStatus == SendStatus.SEND_OK,
                TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300)), "the SYNC_MASTER never answered SEND_OK");
        }

        var acknowledged = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var body = $"message-{i}";
            var result = await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes(body)));
            if (!requireSendOk || result.SendStatus == SendStatus.SEND_OK)
            {
                acknowledged.Add(body);
            }
        }

        return acknowledged;
    }

    private static async Task<HashSet<string>> ReadAllFromSlaveAsync(string namesrv)
    {
        await using var consumer = new PullConsumer(new PullConsumerOptions { NameServerAddress = namesrv });
        await consumer.StartAsync();
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var queue in await consumer.FetchSubscribeMessageQueuesAsync(Topic))
        {
            var offset = 0L;
            for (var round = 0; round < 200; round++)
            {
                var result = await consumer.PullAsync(queue, "*", offset, 32);
                if (result.Messages.Count == 0 && result.NextBeginOffset <= offset)
                {
                    break;
                }

                foreach (var message in result.Messages)
                {
                    bodies.Add(Encoding.UTF8.GetString(message.Body));
                }

                offset = result.NextBeginOffset;
            }
        }

        return bodies;
    }

    /// <summary>A slave copies its master's topic table every 10 s (first after 3 s), as RocketMQ's; wait for it.</summary>
    private static async Task WaitForSlaveTopicAsync(BrokerProcess slave)
    {
        await using var client = new BrokerClient();
        Assert.True(await Eventually.TrueAsync(async () =>
            (await client.GetAllTopicConfigAsync(slave.Address)).TopicConfigTable.ContainsKey(Topic), TimeSpan.FromSeconds(30)),
            "the slave never copied the topic config from its master");
    }

    private static async Task CreateTopicAsync(BrokerProcess master)
    {
        await using var client = new BrokerClient();
        await client.CreateTopicAsync(master.Address, new TopicConfig { TopicName = Topic, ReadQueueNums = 2, WriteQueueNums = 2, Perm = PermName.ReadWrite });
    }

    [Fact]
    public async Task Sync_master_killed_every_acknowledged_message_is_consumable_from_the_slave()
    {
        await using var namesrv = await NameServerProcess.StartAsync();
        await using var master = await BrokerProcess.StartAsync(namesrv, "broker-ha", "brokerRole=SYNC_MASTER");
        await using var slave = await BrokerProcess.StartAsync(namesrv, "broker-ha", SlaveLines);
        await CreateTopicAsync(master);

        var acknowledged = await SendAsync(namesrv.Address, 200, requireSendOk: true);
        await WaitForSlaveTopicAsync(slave);
        await master.Process.KillAsync(TimeSpan.FromSeconds(10));

        var onSlave = await ReadAllFromSlaveAsync(namesrv.Address);
        var missing = acknowledged.Where(b => !onSlave.Contains(b)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged messages missing on the slave, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.Equal(200, acknowledged.Count);
    }

    [Fact]
    public async Task Async_master_killed_reports_how_many_acknowledged_messages_the_slave_lacks()
    {
        await using var namesrv = await NameServerProcess.StartAsync();
        await using var master = await BrokerProcess.StartAsync(namesrv, "broker-ha", "brokerRole=ASYNC_MASTER");
        await using var slave = await BrokerProcess.StartAsync(namesrv, "broker-ha", SlaveLines);
        await CreateTopicAsync(master);

        await WaitForSlaveTopicAsync(slave);
        var acknowledged = await SendAsync(namesrv.Address, 500, requireSendOk: false);
        await master.Process.KillAsync(TimeSpan.FromSeconds(10));

        var onSlave = await ReadAllFromSlaveAsync(namesrv.Address);
        var missing = acknowledged.Count(b => !onSlave.Contains(b));
        output.WriteLine($"ASYNC_MASTER killed with SIGKILL: {missing} of {acknowledged.Count} acknowledged messages were not on the slave");
        Assert.True(onSlave.Count > 0, "the slave replicated nothing");
    }

    [Fact]
    public async Task A_slave_started_after_the_master_holds_messages_catches_up_byte_identical()
    {
        await using var namesrv = await NameServerProcess.StartAsync();
        await using var master = await BrokerProcess.StartAsync(namesrv, "broker-ha", "brokerRole=ASYNC_MASTER");
        await CreateTopicAsync(master);
        await SendAsync(namesrv.Address, 300, requireSendOk: false);

        await using var slave = await BrokerProcess.StartAsync(namesrv, "broker-ha", SlaveLines);

        var masterLog = Path.Combine(master.StoreDir, "commitlog", "00000000000000000000");
        var slaveLog = Path.Combine(slave.StoreDir, "commitlog", "00000000000000000000");
        var identical = await Eventually.TrueAsync(async () =>
        {
            if (!File.Exists(slaveLog))
            {
                return false;
            }

            var expected = await ReadFileSharedAsync(masterLog);
            var actual = await ReadFileSharedAsync(slaveLog);
            return expected.AsSpan().SequenceEqual(actual);
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        Assert.True(identical, "the slave's commit log never matched the master's byte for byte");
    }

    private static async Task<byte[]> ReadFileSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[stream.Length];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
