using Rmq.Client.Consumer;
using Rmq.E2E.Support;
using Rmq.Testcontainers;
using Xunit.Abstractions;

namespace Rmq.E2E.Containers;

/// <summary>
/// The deployment guide on several Masters without Slaves: "when a single machine is down or restarted, messages
/// not consumed on that machine cannot be subscribed before the machine recovers"; sends go on to the other Master;
/// with SYNC_FLUSH no message is lost.
/// </summary>
[Collection(ContainerScenarios.Name)]
public class TwoMasterNoSlaveFailoverTests(ITestOutputHelper output)
{
    private const string Topic = "NoSlaveFailover";

    [Fact]
    public async Task A_killed_master_stops_no_send_and_its_unconsumed_messages_wait_for_its_return_with_none_lost()
    {
        // Given two Masters with SYNC_FLUSH and a producer sending throughout (the client's retries, RocketMQ's default 2)
        await using var cluster = new RmqClusterBuilder().WithPreset(RmqClusterPreset.TwoMasterNoSlave).WithFlushDiskType("SYNC_FLUSH").Build();
        await cluster.StartAsync();
        await cluster.CreateTopicAsync(Topic);
        var brokerA = cluster.Master("broker-a");
        await using var sends = await SendLoop.StartAsync(ClusterClients.Producer(cluster.NameServerAddress, "noslave-producer"), Topic, "noslave", maxCount: 600, maxDuration: TimeSpan.FromSeconds(90));
        Assert.True(await sends.WaitForAsync(s => s.Acknowledged.Count >= 200, TimeSpan.FromSeconds(30)), "no steady sending before the kill: " + sends.Summary());

        // When broker-a is killed (SIGKILL) with messages nobody has consumed yet
        await brokerA.KillAsync();
        var onA = sends.Acknowledged.Where(m => m.Value == "broker-a").Select(m => m.Key).ToList();
        Assert.NotEmpty(onA);

        // Then every further send succeeds (on broker-b) once the client has retried
        Assert.True(await sends.WaitForAsync(s => s.Attempts >= 600, TimeSpan.FromSeconds(60)), "the producer did not finish: " + sends.Summary());
        await sends.StopAsync();
        output.WriteLine(sends.Summary());
        Assert.True(sends.Failed.IsEmpty, "sends failed after the client's retries: " + sends.Summary());
        Assert.Equal(600, sends.Acknowledged.Count);
        var onB = sends.Acknowledged.Where(m => m.Value == "broker-b").Select(m => m.Key).ToList();

        // and a consumer gets broker-b's messages but none of broker-a's while broker-a is down
        var consumed = new ConsumedMessages();
        await using var consumer = new PushConsumer(ClusterClients.PushConsumer(cluster.NameServerAddress, "noslave-consumer"), consumed.OnMessagesAsync);
        consumer.Subscribe(Topic);
        await consumer.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(consumed.ContainsAll(onB)), TimeSpan.FromSeconds(60)),
            $"broker-b's messages were not all consumed: {onB.Count(b => consumed.Bodies.ContainsKey(b))} of {onB.Count}");
        Assert.DoesNotContain(onA, consumed.Bodies.ContainsKey);

        // When broker-a returns
        await brokerA.StartAsync();
        await cluster.WaitUntilReadyAsync();

        // Then its messages are consumed after all, and none of the acknowledged messages is lost
        var all = sends.Acknowledged.Keys.ToList();
        await Eventually.TrueAsync(() => Task.FromResult(consumed.ContainsAll(all)), TimeSpan.FromSeconds(60));
        var missing = all.Where(b => !consumed.Bodies.ContainsKey(b)).ToList();
        output.WriteLine($"{onA.Count} acknowledged on broker-a before its kill, consumed after its return: {onA.Count(consumed.Bodies.ContainsKey)}; missing in all: {missing.Count}");
        Assert.True(missing.Count == 0, $"{missing.Count} of {all.Count} acknowledged messages never consumed, e.g. {string.Join(", ", missing.Take(5))}");
    }
}
