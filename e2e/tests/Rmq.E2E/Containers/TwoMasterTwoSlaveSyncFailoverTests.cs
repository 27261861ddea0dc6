using Rmq.Client.Consumer;
using Rmq.E2E.Support;
using Rmq.Testcontainers;
using Xunit.Abstractions;

namespace Rmq.E2E.Containers;

/// <summary>
/// The deployment guide on Masters with Slaves and synchronous double write: a write is acknowledged only when Master
/// and Slave both have it, so a Master's death loses nothing that was acknowledged; with slaveReadEnable the Slave
/// serves it. The Slave is frozen for a moment before its Master dies, so the death falls into a replication lag: a
/// Master that acknowledged before replicating would lose exactly those messages here.
/// </summary>
[Collection(ContainerScenarios.Name)]
public class TwoMasterTwoSlaveSyncFailoverTests(ITestOutputHelper output)
{
    private const string Topic = "SyncDoubleWrite";
    private const int QueueNums = 4;
    private const int PullBatchSize = 4;
    private const int PullThresholdForQueue = 4;

    [Fact]
    public async Task Sync_master_killed_while_its_slave_lags_every_acknowledged_message_is_consumed_from_the_slave()
    {
        // Given 2m-2s-sync (slaveReadEnable=true so the 4.x Slave serves pulls; slaveTimeout 1 s keeps unacknowledged
        // sends short) under a producer, and a running consumer that holds its deliveries for now
        await using var cluster = new RmqClusterBuilder()
            .WithPreset(RmqClusterPreset.TwoMasterTwoSlaveSync)
            .WithBrokerProperty("slaveReadEnable", "true")
            .WithBrokerProperty("slaveTimeout", "1000")
            .Build();
        await cluster.StartAsync();
        await cluster.CreateTopicAsync(Topic, QueueNums);
        var consumed = new ConsumedMessages(gated: true);
        var options = ClusterClients.PushConsumer(cluster.NameServerAddress, "sync-consumer") with { PullBatchSize = PullBatchSize, PullThresholdForQueue = PullThresholdForQueue };
        await using var consumer = new PushConsumer(options, consumed.OnMessagesAsync);
        consumer.Subscribe(Topic);
        await consumer.StartAsync();
        var masterA = cluster.Master("broker-a");
        var slaveA = cluster.Slave("broker-a");
        await using var sends = await SendLoop.StartAsync(ClusterClients.Producer(cluster.NameServerAddress, "sync-producer"), Topic, "sync", maxCount: 400, maxDuration: TimeSpan.FromSeconds(90));
        Assert.True(await sends.WaitForAsync(s => s.Acknowledged.Count >= 150, TimeSpan.FromSeconds(30)), "no steady sending: " + sends.Summary());
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(consumed.DeliveringQueues.Count == 2 * QueueNums), TimeSpan.FromSeconds(30)),
            $"the consumer pulls from {consumed.DeliveringQueues.Count} of {2 * QueueNums} queues");

        // and broker-a's Slave frozen while sends to broker-a go on
        await slaveA.PauseAsync();
        var attemptsAtPause = sends.Attempts;
        Assert.True(await sends.WaitForAsync(s => s.Attempts >= attemptsAtPause + 10, TimeSpan.FromSeconds(30)), "no sends while the Slave was frozen: " + sends.Summary());

        // When broker-a's Master is killed (SIGKILL) before its Slave catches up, the Slave thaws, and the consumer goes on
        await masterA.KillAsync();
        await slaveA.UnpauseAsync();
        consumed.OpenGate();
        Assert.True(await sends.WaitForAsync(s => s.Attempts >= 400, TimeSpan.FromSeconds(60)), "the producer did not finish: " + sends.Summary());
        await sends.StopAsync();
        output.WriteLine(sends.Summary() + "; not acknowledged: " + string.Join(", ", sends.NotOk.GroupBy(n => n.Value).Select(g => $"{g.Count()} {g.Key}")));

        // Then every acknowledged message is consumed, broker-a's beyond what the consumer had buffered from its Slave
        var acknowledged = sends.Acknowledged.Keys.ToList();
        await Eventually.TrueAsync(() => Task.FromResult(consumed.ContainsAll(acknowledged)), TimeSpan.FromSeconds(60));
        var onA = sends.Acknowledged.Where(m => m.Value == "broker-a").Select(m => m.Key).ToList();
        var missing = acknowledged.Where(b => !consumed.Bodies.ContainsKey(b)).ToList();
        output.WriteLine($"acknowledged by broker-a's Master: {onA.Count}, consumed: {onA.Count(consumed.Bodies.ContainsKey)}; missing in all: {missing.Count}");
        var bufferedAtMost = QueueNums * (PullThresholdForQueue + PullBatchSize);
        Assert.True(onA.Count > bufferedAtMost, $"only {onA.Count} messages acknowledged by broker-a: too few to show its Slave serving");
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged messages lost with the SYNC_MASTER, e.g. {string.Join(", ", missing.Take(5))}");
    }
}
