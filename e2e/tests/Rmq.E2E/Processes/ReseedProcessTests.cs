using System.Text;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.E2E.Support;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Xunit.Abstractions;

namespace Rmq.E2E.Processes;

/// <summary>
/// A Slave that was off while its Master deleted the commit-log files it needed next: both brokers say why in their
/// logs (instead of the SYNC_MASTER answering SLAVE_NOT_AVAILABLE without a reason), and re-seeding the Slave (stop it,
/// delete its store, start it) brings double write back. Real `rmq` processes on loopback, 64 KiB commit-log files.
/// </summary>
public class ReseedProcessTests(ITestOutputHelper output)
{
    private const string Topic = "ReseedTopic";
    private const string BrokerName = "broker-reseed";
    private const string FileSize = "mappedFileSizeCommitLog=65536";
    private const string Advice = "re-seed the slave";

    private static readonly byte[] Kilobyte = Encoding.UTF8.GetBytes(new string('r', 1024));

    [Fact]
    public async Task A_slave_whose_offset_the_master_deleted_says_so_and_catches_up_after_a_reseed()
    {
        await using var namesrv = await NameServerProcess.StartAsync();
        await using var master = await BrokerProcess.StartAsync(namesrv, BrokerName, "brokerRole=SYNC_MASTER", FileSize);
        await using var slave = await BrokerProcess.StartAsync(namesrv, BrokerName, "brokerId=1", "brokerRole=SLAVE", "slaveReadEnable=true", FileSize);
        await using (var admin = new BrokerClient())
        {
            await admin.CreateTopicAsync(master.Address, new TopicConfig { TopicName = Topic, ReadQueueNums = 2, WriteQueueNums = 2, Perm = PermName.ReadWrite });
        }

        await using var producer = new Producer(new ProducerOptions { ProducerGroup = "reseed-test", NameServerAddress = namesrv.Address });
        await producer.StartAsync();
        await WaitForSendOkAsync(producer, "the SYNC_MASTER never answered SEND_OK with its slave connected");

        // The slave goes away; the master keeps storing (answering SLAVE_NOT_AVAILABLE) across several files.
        await slave.StopAsync();
        for (var i = 0; i < 300; i++)
        {
            var result = await producer.SendAsync(new Message(Topic, Kilobyte));
            Assert.Equal(SendStatus.SLAVE_NOT_AVAILABLE, result.SendStatus);
        }

        // Retention removes every full file: age them past fileReservedTime and ask for deleteExpiredCommitLog.
        var masterLogs = Directory.GetFiles(Path.Combine(master.StoreDir, "commitlog")).Order(StringComparer.Ordinal).ToList();
        Assert.True(masterLogs.Count >= 4, $"expected several 64 KiB commit-log files, found {masterLogs.Count}");
        foreach (var file in masterLogs.SkipLast(1))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-100));
        }

        await using (var delete = await RmqProcess.RunAsync(master.LogDir, TimeSpan.FromSeconds(60),
            "admin", "deleteExpiredCommitLog", "-n", namesrv.Address, "-b", master.Address))
        {
            Assert.True(delete.ExitCode == 0, $"deleteExpiredCommitLog failed: {delete.StandardOutput}\n{delete.StandardError}");
        }

        Assert.False(File.Exists(masterLogs[0]), "the master kept its first commit-log file");

        // The slave returns with an offset the master no longer has: both sides log why, double write stays off.
        await slave.StartAgainAsync();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(
            master.Process.StandardOutput.Contains(Advice, StringComparison.Ordinal)
            && slave.Process.StandardOutput.Contains(Advice, StringComparison.Ordinal)), TimeSpan.FromSeconds(30)),
            $"no re-seed advice in the logs.\nmaster:\n{Tail(master.Process.StandardOutput)}\nslave:\n{Tail(slave.Process.StandardOutput)}");
        var refused = await producer.SendAsync(new Message(Topic, Kilobyte));
        Assert.Equal(SendStatus.SLAVE_NOT_AVAILABLE, refused.SendStatus);
        Assert.Contains("SYNC_MASTER answers SLAVE_NOT_AVAILABLE", master.Process.StandardOutput, StringComparison.Ordinal);
        output.WriteLine("master said: " + FirstLineWith(master.Process.StandardOutput, "below this master's min offset"));
        output.WriteLine("slave said: " + FirstLineWith(slave.Process.StandardOutput, Advice));

        // Re-seed: stop the slave, delete its store, start it. It starts from the master's newest file.
        await slave.StopAsync();
        Directory.Delete(slave.StoreDir, recursive: true);
        await slave.StartAgainAsync();
        await WaitForSendOkAsync(producer, "double write never came back after the re-seed");

        var acknowledged = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var body = $"after-reseed-{i}";
            var result = await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes(body)));
            Assert.Equal(SendStatus.SEND_OK, result.SendStatus);
            acknowledged.Add(body);
        }

        // Zero loss again: with the master gone, the re-seeded slave serves every acknowledged message.
        await master.Process.KillAsync(TimeSpan.FromSeconds(10));
        var onSlave = await ReadBodiesAsync(slave.Address);
        var missing = acknowledged.Where(b => !onSlave.Contains(b)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged messages missing on the re-seeded slave");
    }

    private static async Task WaitForSendOkAsync(Producer producer, string failure) =>
        Assert.True(await Eventually.TrueAsync(async () =>
            (await producer.SendAsync(new Message(Topic, "probe"u8.ToArray()))).SendStatus == SendStatus.SEND_OK,
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300)), failure);

    /// <summary>Pulls both queues straight from the slave's address from their min offset (the first files are gone).</summary>
    private static async Task<HashSet<string>> ReadBodiesAsync(string slaveAddress)
    {
        await using var client = new BrokerClient();
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        for (var queueId = 0; queueId < 2; queueId++)
        {
            var offset = await client.GetMinOffsetAsync(slaveAddress, Topic, queueId);
            for (var round = 0; round < 100; round++)
            {
                var result = await client.PullMessageAsync(slaveAddress, new PullMessageRequestHeader
                {
                    ConsumerGroup = "reseed-reader",
                    Topic = Topic,
                    QueueId = queueId,
                    QueueOffset = offset,
                    SuspendTimeoutMillis = 0,
                    SysFlag = (int)PullSysFlag.Subscription,
                    Subscription = "*",
                });
                if (result.PullStatus != PullStatus.FOUND)
                {
                    break;
                }

                foreach (var message in result.DecodeMessages(BrokerName))
                {
                    bodies.Add(Encoding.UTF8.GetString(message.Body));
                }

                offset = result.NextBeginOffset;
            }
        }

        return bodies;
    }

    private static string FirstLineWith(string text, string needle) =>
        text.Split('\n').FirstOrDefault(l => l.Contains(needle, StringComparison.Ordinal))?.Trim() ?? "(none)";

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
