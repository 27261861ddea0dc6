using Rmq.Client.Consumer;
using Rmq.E2E.Support;
using Rmq.Testcontainers;
using Xunit.Abstractions;

namespace Rmq.E2E.Containers;

/// <summary>
/// The deployment guide on Masters with Slaves and asynchronous replication: "when the Master is down, consumers can
/// still consume from the Slave, and this process is transparent to the application, with no manual intervention"; a
/// small number of acknowledged messages may be lost (those not replicated yet). The test reports that number.
/// </summary>
[Collection(ContainerScenarios.Name)]
public class TwoMasterTwoSlaveAsyncFailoverTests(ITestOutputHelper output)
{
    private const string Topic = "AsyncReplication";
    private const int QueueNums = 4;
    private const int PullBatchSize = 4;
    private const int PullThresholdForQueue = 4;

    [Fact]
    public async Task Async_master_killed_the_consumer_goes_on_from_its_slave_and_few_acknowledged_messages_are_missing()
    {
        // Given 2m-2s-async (slaveReadEnable=true: 4.x Slaves serve pulls only with it) under a producer, and a running
        // consumer that holds its deliveries (it has its queues and offsets, and a few messages per queue buffered)
        await using var cluster = new RmqClusterBuilder()
            .WithPreset(RmqClusterPreset.TwoMasterTwoSlaveAsync)
            .WithBrokerProperty("slaveReadEnable", "true")
            .Build();
        await cluster.StartAsync();
        await cluster.CreateTopicAsync(Topic, QueueNums);
        var consumed = new ConsumedMessages(gated: true);
        var options = ClusterClients.PushConsumer(cluster.NameServerAddress, "async-consumer") with { PullBatchSize = PullBatchSize, PullThresholdForQueue = PullThresholdForQueue };
        await using var consumer = new PushConsumer(options, consumed.OnMessagesAsync);
        consumer.Subscribe(Topic);
        await consumer.StartAsync();
        await using var sends = await SendLoop.StartAsync(ClusterClients.Producer(cluster.NameServerAddress, "async-producer"), Topic, "async", maxCount: 400, maxDuration: TimeSpan.FromSeconds(90));
        Assert.True(await sends.WaitForAsync(s => s.Acknowledged.Count >= 200, TimeSpan.FromSeconds(30)), "no steady sending: " + sends.Summary());
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(consumed.DeliveringQueues.Count == 2 * QueueNums), TimeSpan.FromSeconds(30)),
            $"the consumer pulls from {consumed.DeliveringQueues.Count} of {2 * QueueNums} queues");

        // When broker-a's Master is killed (SIGKILL) mid-stream, and the consumer goes on, untouched
        await cluster.Master("broker-a").KillAsync();
        consumed.OpenGate();
        Assert.True(await sends.WaitForAsync(s => s.Attempts >= 400, TimeSpan.FromSeconds(60)), "the producer did not finish: " + sends.Summary());
        await sends.StopAsync();

        // Then it consumes broker-a's messages beyond what it had buffered (served by broker-a-s), and few acknowledged ones are missing
        var acknowledged = sends.Acknowledged.Keys.ToList();
        await Eventually.TrueAsync(() => Task.FromResult(consumed.ContainsAll(acknowledged)), TimeSpan.FromSeconds(60));
        var onA = sends.Acknowledged.Where(m => m.Value == "broker-a").Select(m => m.Key).ToList();
        var consumedFromA = consumed.Bodies.Count(c => c.Value == "broker-a");
        var missing = acknowledged.Where(b => !consumed.Bodies.ContainsKey(b)).ToList();
        output.WriteLine(sends.Summary());
        output.WriteLine($"ASYNC_MASTER broker-a killed with SIGKILL: {missing.Count} of {acknowledged.Count} acknowledged messages never consumed "
            + $"({onA.Count} acknowledged by broker-a, {consumedFromA} of broker-a's consumed)");

        var bufferedAtMost = QueueNums * (PullThresholdForQueue + PullBatchSize);
        Assert.True(consumedFromA > bufferedAtMost, $"only {consumedFromA} of broker-a's messages consumed (at most {bufferedAtMost} were buffered before its Master died): the Slave did not serve the consumer");
        Assert.True(missing.Count <= Math.Max(10, acknowledged.Count / 20), $"{missing.Count} of {acknowledged.Count} acknowledged messages missing: more than a small loss window, e.g. {string.Join(", ", missing.Take(5))}");
    }
}
