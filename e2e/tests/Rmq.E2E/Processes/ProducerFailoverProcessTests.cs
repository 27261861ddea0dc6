using System.Text;
using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.E2E.Support;
using Rmq.Remoting.Protocol.Bodies;
using Xunit.Abstractions;

namespace Rmq.E2E.Processes;

/// <summary>
/// rmq's Producer when a master dies, with real `rmq broker` processes: sends retry on the other master
/// (retryTimesWhenSendFailed, another broker than the one that failed) and are never stored by the dead
/// master's slave (a producer only resolves masters).
/// </summary>
public class ProducerFailoverProcessTests(ITestOutputHelper output)
{
    private const string Topic = "FailoverProduceT";

    [Fact]
    public async Task Sends_fail_over_to_the_other_master_when_a_sync_master_is_killed_and_never_reach_its_slave()
    {
        // Given broker-pa (SYNC_MASTER + SLAVE) and broker-pb (ASYNC_MASTER), the topic on both masters
        await using var namesrv = await NameServerProcess.StartAsync();
        await using var masterA = await BrokerProcess.StartAsync(namesrv, "broker-pa", "brokerRole=SYNC_MASTER");
        await using var slaveA = await BrokerProcess.StartAsync(namesrv, "broker-pa", "brokerId=1", "brokerRole=SLAVE", "slaveReadEnable=true");
        await using var masterB = await BrokerProcess.StartAsync(namesrv, "broker-pb", "brokerRole=ASYNC_MASTER");
        await using (var client = new BrokerClient())
        {
            foreach (var master in new[] { masterA, masterB })
            {
                await client.CreateTopicAsync(master.Address, new TopicConfig { TopicName = Topic, ReadQueueNums = 2, WriteQueueNums = 2, Perm = PermName.ReadWrite });
            }
        }

        await using var producer = new Producer(new ProducerOptions { ProducerGroup = "PG_FailoverProduce", NameServerAddress = namesrv.Address, PollNameServerInterval = TimeSpan.FromSeconds(1) });
        await producer.StartAsync();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var queues = await producer.FetchPublishMessageQueuesAsync(Topic);
            return queues.Select(q => q.BrokerName).Distinct().Count() == 2
                && (await producer.SendAsync(new Message(Topic, "probe"u8.ToArray()), queues.First(q => q.BrokerName == "broker-pa"))).SendStatus == SendStatus.SEND_OK;
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300)), "both masters routed and broker-pa's slave connected");

        // When 200 messages are sent and broker-pa's master is killed after the 60th
        var results = new List<(int Index, SendResult? Result, string? Error)>();
        for (var i = 0; i < 200; i++)
        {
            if (i == 60)
            {
                await masterA.Process.KillAsync(TimeSpan.FromSeconds(10));
            }

            try
            {
                results.Add((i, await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes($"p-{i}"))), null));
            }
            catch (Rmq.Client.MQClientException e)
            {
                results.Add((i, null, e.Message));
            }
        }

        // Then every send succeeded, those after the kill on broker-pb, and none was stored by broker-pa's slave
        var failed = results.Where(r => r.Result is null).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} sends failed, e.g. {failed.FirstOrDefault().Error}");
        Assert.Contains(results.Take(60), r => r.Result!.MessageQueue.BrokerName == "broker-pa");
        Assert.All(results.Skip(60), r => Assert.Equal("broker-pb", r.Result!.MessageQueue.BrokerName));
        var storePorts = results.Select(r => MessageId.Decode(r.Result!.OffsetMsgId).StoreHost.Port).ToHashSet();
        Assert.DoesNotContain(slaveA.Port, storePorts);
        Assert.Subset(new HashSet<int> { masterA.Port, masterB.Port }, storePorts);
        output.WriteLine($"{results.Count(r => r.Result!.MessageQueue.BrokerName == "broker-pa")} on broker-pa, {results.Count(r => r.Result!.MessageQueue.BrokerName == "broker-pb")} on broker-pb, none failed");
    }
}
