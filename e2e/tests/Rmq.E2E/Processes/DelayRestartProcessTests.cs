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
/// Delay level 2 (5 s) with a real `rmq broker` restarted while the message waits: never delivered before its
/// delay, delivered after it, exactly once, with the delay levels' progress kept in config/delayOffset.json.
/// </summary>
public class DelayRestartProcessTests(ITestOutputHelper output)
{
    private const string Topic = "DelayRestartT";
    private const long LevelTwoMillis = 5000;

    private static async Task CreateTopicAsync(BrokerProcess broker)
    {
        await using var client = new BrokerClient();
        await client.CreateTopicAsync(broker.Address, new TopicConfig { TopicName = Topic, ReadQueueNums = 1, WriteQueueNums = 1, Perm = PermName.ReadWrite });
    }

    private static async Task<long> SendDelayedAsync(string nameServer, string body)
    {
        await using var producer = new Producer(new ProducerOptions { ProducerGroup = "delay-restart", NameServerAddress = nameServer });
        await producer.StartAsync();
        var message = new Message(Topic, Encoding.UTF8.GetBytes(body)) { DelayTimeLevel = 2 };
        var bornBefore = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.True(await Eventually.TrueAsync(async () => (await producer.SendAsync(message)).SendStatus == SendStatus.SEND_OK, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200)));
        return bornBefore;
    }

    private static async Task<IReadOnlyList<MessageExt>> WaitForDeliveredAsync(string nameServer, int count)
    {
        await using var consumer = new PullConsumer(new PullConsumerOptions { NameServerAddress = nameServer });
        await consumer.StartAsync();
        IReadOnlyList<MessageExt> delivered = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            try
            {
                var queue = (await consumer.FetchSubscribeMessageQueuesAsync(Topic)).Single();
                delivered = (await consumer.PullAsync(queue, "*", 0, 32)).Messages;
                return delivered.Count >= count;
            }
            catch (Exception e) when (e is Rmq.Client.MQClientException or Rmq.Remoting.Transport.RemotingException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250)), $"fewer than {count} delayed message(s) delivered");
        return delivered;
    }

    private static string DelayOffsets(BrokerProcess broker) => File.ReadAllText(Path.Combine(broker.StoreDir, "config", "delayOffset.json"));

    [Fact]
    public async Task A_level_2_message_survives_a_SIGTERM_restart_and_is_delivered_once_after_5_s()
    {
        await using var nameServer = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(nameServer);
        await CreateTopicAsync(broker);

        var born = await SendDelayedAsync(nameServer.Address, "first");
        await broker.RestartAsync();
        var restartedAfter = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - born;

        var first = (await WaitForDeliveredAsync(nameServer.Address, 1)).Single();
        output.WriteLine($"restart done {restartedAfter} ms after the send; delivered {first.StoreTimestamp - first.BornTimestamp} ms after its birth");
        Assert.Equal("first", Encoding.UTF8.GetString(first.Body));
        Assert.True(first.StoreTimestamp - first.BornTimestamp >= LevelTwoMillis, $"delivered {first.StoreTimestamp - first.BornTimestamp} ms after birth");
        Assert.True(first.BornTimestamp >= born);
        Assert.Null(first.GetProperty("DELAY"));

        // the progress is persisted: after another clean restart the first message is not delivered again
        await broker.RestartAsync();
        Assert.Contains("\"offsetTable\"", DelayOffsets(broker), StringComparison.Ordinal);
        Assert.Contains("2:1", DelayOffsets(broker).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        await SendDelayedAsync(nameServer.Address, "second");
        var both = await WaitForDeliveredAsync(nameServer.Address, 2);
        Assert.Equal(["first", "second"], both.Select(m => Encoding.UTF8.GetString(m.Body)).ToArray());
    }

    [Fact]
    public async Task A_level_2_message_survives_a_SIGKILL_of_its_broker_and_is_delivered_after_5_s()
    {
        await using var nameServer = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(nameServer);
        await CreateTopicAsync(broker);

        var born = await SendDelayedAsync(nameServer.Address, "survivor");
        await broker.Process.KillAsync(TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(Path.Combine(broker.StoreDir, "abort")));
        await broker.StartAgainAsync();
        var restartedAfter = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - born;

        var delivered = (await WaitForDeliveredAsync(nameServer.Address, 1)).Single();
        output.WriteLine($"restart after SIGKILL done {restartedAfter} ms after the send; delivered {delivered.StoreTimestamp - delivered.BornTimestamp} ms after its birth");
        Assert.Equal("survivor", Encoding.UTF8.GetString(delivered.Body));
        Assert.True(delivered.StoreTimestamp - delivered.BornTimestamp >= LevelTwoMillis, $"delivered {delivered.StoreTimestamp - delivered.BornTimestamp} ms after birth");

        // the restarted broker persists the level's progress again (every flushConsumerOffsetInterval)
        var file = Path.Combine(broker.StoreDir, "config", "delayOffset.json");
        Assert.True(await Eventually.TrueAsync(
            () => Task.FromResult(File.Exists(file) && DelayOffsets(broker).Replace(" ", string.Empty, StringComparison.Ordinal).Contains("2:1", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30)), "delayOffset.json never recorded level 2's progress: " + (File.Exists(file) ? DelayOffsets(broker) : "no file"));
    }
}
