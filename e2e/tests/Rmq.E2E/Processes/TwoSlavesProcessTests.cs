using System.Text;
using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.E2E.Support;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.E2E.Processes;

/// <summary>One master and two slaves (brokerId 1 and 2) as real `rmq broker` processes: both slaves copy the master byte for byte.</summary>
public class TwoSlavesProcessTests
{
    private const string Topic = "TwoSlavesTopic";

    [Fact]
    public async Task Both_slaves_commit_logs_become_byte_identical_to_the_masters()
    {
        await using var namesrv = await NameServerProcess.StartAsync();
        await using var master = await BrokerProcess.StartAsync(namesrv, "broker-two-slaves", "brokerRole=SYNC_MASTER");
        await using var slave1 = await BrokerProcess.StartAsync(namesrv, "broker-two-slaves", "brokerId=1", "brokerRole=SLAVE");
        await using var slave2 = await BrokerProcess.StartAsync(namesrv, "broker-two-slaves", "brokerId=2", "brokerRole=SLAVE");
        Assert.NotEqual(slave1.Port, slave2.Port);
        Assert.NotEqual(slave1.StoreDir, slave2.StoreDir);

        await using (var admin = new BrokerClient())
        {
            await admin.CreateTopicAsync(master.Address, new TopicConfig { TopicName = Topic, ReadQueueNums = 4, WriteQueueNums = 4, Perm = PermName.ReadWrite });
        }

        await using (var producer = new Producer(new ProducerOptions { ProducerGroup = "two-slaves-test", NameServerAddress = namesrv.Address }))
        {
            await producer.StartAsync();
            Assert.True(await Eventually.TrueAsync(async () =>
                (await producer.SendAsync(new Message(Topic, "probe"u8.ToArray()))).SendStatus == SendStatus.SEND_OK,
                TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300)), "the SYNC_MASTER never answered SEND_OK");
            for (var i = 0; i < 300; i++)
            {
                var result = await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes($"two-slaves-{i}")));
                Assert.Equal(SendStatus.SEND_OK, result.SendStatus);
            }
        }

        var masterLog = Path.Combine(master.StoreDir, "commitlog", "00000000000000000000");
        Assert.True(new FileInfo(masterLog).Length > 0);
        foreach (var slave in new[] { slave1, slave2 })
        {
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
            Assert.True(identical, $"the commit log of slave {slave.Address} never matched the master's byte for byte");
        }
    }

    private static async Task<byte[]> ReadFileSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[stream.Length];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
