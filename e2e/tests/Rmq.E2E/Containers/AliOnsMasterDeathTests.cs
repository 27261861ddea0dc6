using System.Text.Json;
using Rmq.E2E.Interop;
using Rmq.E2E.Support;
using Rmq.Testcontainers;
using Xunit.Abstractions;

namespace Rmq.E2E.Containers;

/// <summary>
/// The unmodified third-party ali-ons client (npm) against a 2m-2s-sync cluster in containers, through a Master's
/// death: its push consumer goes on from the Slave with no manual step, its producer goes on to the other Master, and
/// every message it was acknowledged is consumed.
/// </summary>
[Collection(ContainerScenarios.Name)]
public class AliOnsMasterDeathTests(ITestOutputHelper output)
{
    private const string Topic = "AliOnsMasterDeath";
    private const string Group = "GID_AliOnsMasterDeath";

    [Fact]
    public async Task Ali_ons_consumes_everything_it_produced_through_the_death_of_a_sync_master()
    {
        // Given 2m-2s-sync (slaveReadEnable=true) and 100 messages sent with ali-ons' producer
        await using var cluster = new RmqClusterBuilder()
            .WithPreset(RmqClusterPreset.TwoMasterTwoSlaveSync)
            .WithBrokerProperty("slaveReadEnable", "true")
            .Build();
        await cluster.StartAsync();
        await cluster.CreateTopicAsync(Topic);
        var before = await ProduceAsync(cluster.NameServerAddress, "before", 100);

        // and an ali-ons push consumer mid-way through them (small pulls, a slow handler, 1 s route refresh and rebalance)
        await using var consumer = AliOnsBrokerConsumer.Start(cluster.NameServerAddress, Topic, Group, "*", new Dictionary<string, string>
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
        });
        await consumer.WaitForAsync(c => Consumed(c).Count(before.Contains) >= 10, "the first messages consumed");

        // When broker-a's Master is killed (SIGKILL)
        await cluster.Master("broker-a").KillAsync();
        var consumedBeforeKill = Consumed(consumer).Count(before.Contains);
        Assert.True(consumedBeforeKill < before.Count, "the consumer had consumed everything before the Master died; the test proves nothing");

        // Then ali-ons' producer goes on (to broker-b) and its consumer gets every message, broker-a's from broker-a-s
        var after = await ProduceAsync(cluster.NameServerAddress, "after", 50);
        var all = before.Concat(after).ToList();
        await consumer.WaitForAsync(c => all.All(Consumed(c).Contains), "every acknowledged message consumed after the Master died", TimeSpan.FromSeconds(60));
        var slaveAddress = cluster.Slave("broker-a").BrokerAddress;
        var fromSlave = consumer.Events
            .Where(e => e.GetProperty("event").GetString() == "pull" && e.GetProperty("addr").GetString() == slaveAddress)
            .SelectMany(e => e.GetProperty("bodies").EnumerateArray().Select(b => b.GetString()!))
            .Count(before.Contains);
        output.WriteLine($"consumed before the kill: {consumedBeforeKill} of {before.Count}; pulled from broker-a-s ({slaveAddress}) after it: {fromSlave}; sent after it: {after.Count}");
        Assert.True(fromSlave > 0, "no message was pulled from broker-a's Slave");
    }

    private static HashSet<string> Consumed(AliOnsBrokerConsumer consumer) =>
        consumer.Messages.Select(m => m.GetProperty("body").GetString()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Sends <paramref name="count"/> messages with ali-ons' producer (produce.js); all must be acknowledged.</summary>
    private static async Task<List<string>> ProduceAsync(string nameServer, string run, int count)
    {
        var summary = await AliOnsClient.RunAsync("produce.js", TimeSpan.FromSeconds(70), nameServer, Topic, count.ToString(System.Globalization.CultureInfo.InvariantCulture), "TagA", run);
        Assert.True(summary.GetProperty("ok").GetBoolean(), $"ali-ons failed to send: {summary}");
        Assert.Equal(count, summary.GetProperty("sent").GetInt32());
        return Enumerable.Range(0, count).Select(i => $"body-{run}-{i}").ToList();
    }
}
