using System.Text.Json;
using Rmq.E2E.Support;

namespace Rmq.E2E.Interop;

/// <summary>The unmodified ali-ons 3.12.0 client producing to and consuming from real rmq namesrv + broker processes.</summary>
public class AliOnsBrokerTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private static async Task CreateTopicAsync(BrokerProcess broker, string topic, int queues)
    {
        var result = await AliOnsClient.RunAsync("create-topic.js", ScriptTimeout, broker.Address, topic, queues.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
    }

    /// <summary>Produces and returns the sent results (all must be SEND_OK).</summary>
    private static async Task<List<JsonElement>> ProduceAsync(NameServerProcess ns, string topic, int count, string tags, string run, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new System.Diagnostics.ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.AliOnsDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "produce.js", ns.Address, topic, count.ToString(System.Globalization.CultureInfo.InvariantCulture), tags, run })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(ScriptTimeout);
        await process.WaitForExitAsync(cts.Token);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.True(process.ExitCode == 0 && lines.Count > 0, $"produce.js exited {process.ExitCode}: {await stderr}");
        Assert.True(lines[^1].GetProperty("ok").GetBoolean(), string.Join('\n', lines));
        var sent = lines.Where(l => l.TryGetProperty("event", out var e) && e.GetString() == "sent").ToList();
        Assert.Equal(count, sent.Count);
        Assert.All(sent, s => Assert.Equal("SEND_OK", s.GetProperty("status").GetString()));
        return sent;
    }

    private static string Key(JsonElement message) => message.GetProperty("keys").GetString()!.Split(' ')[0];

    private static IEnumerable<JsonElement> OfRun(AliOnsBrokerConsumer consumer, string run) =>
        consumer.Messages.Where(m => m.GetProperty("props").GetProperty("run").GetString() == run);

    [Fact]
    public async Task Ali_ons_messages_arrive_intact_filtered_split_between_consumers_taken_over_and_resumed()
    {
        await using var ns = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(ns);
        const string topic = "AliOnsBrokerT";
        const string group = "GID_AliOnsBroker";
        await CreateTopicAsync(broker, topic, 4);

        // Two consumers of one group split the four queues
        await using var a = AliOnsBrokerConsumer.Start(ns.Address, topic, group, "TagA||TagB");
        await a.WaitForAsync(c => c.Queues.Count == 4, "consumer A owning all 4 queues");
        await using var b = AliOnsBrokerConsumer.Start(ns.Address, topic, group, "TagA||TagB");
        await b.WaitForAsync(c => c.Queues.Count == 2 && a.Queues.Count == 2 && !c.Queues.Intersect(a.Queues).Any(), "A and B holding 2 disjoint queues each");

        // Every TagA/TagB message arrives intact; TagC never reaches the handler
        var sent1 = await ProduceAsync(ns, topic, 24, "TagA,TagB,TagC", "p1");
        var expected1 = sent1.Where(s => s.GetProperty("tag").GetString() != "TagC").ToDictionary(s => s.GetProperty("keys").GetString()!.Split(' ')[0]);
        await a.WaitForAsync(_ => OfRun(a, "p1").Concat(OfRun(b, "p1")).Select(Key).Distinct().Count() >= expected1.Count, "all p1 TagA/TagB messages consumed");
        var received1 = OfRun(a, "p1").Concat(OfRun(b, "p1")).ToList();
        Assert.Equal(expected1.Keys.Order(), received1.Select(Key).Distinct().Order());
        foreach (var m in received1)
        {
            var s = expected1[Key(m)];
            var i = s.GetProperty("i").GetInt32();
            Assert.Equal($"body-p1-{i}", m.GetProperty("body").GetString());
            Assert.Equal($"k-p1-{i} alt-p1-{i}", m.GetProperty("keys").GetString());
            Assert.Equal(s.GetProperty("tag").GetString(), m.GetProperty("tags").GetString());
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.GetProperty("props").GetProperty("idx").GetString());
            Assert.Equal(s.GetProperty("msgId").GetString(), m.GetProperty("msgId").GetString());
            Assert.Equal(topic, m.GetProperty("topic").GetString());
        }

        var queuesA = OfRun(a, "p1").Select(m => m.GetProperty("queueId").GetInt32()).ToHashSet();
        var queuesB = OfRun(b, "p1").Select(m => m.GetProperty("queueId").GetInt32()).ToHashSet();
        Assert.NotEmpty(queuesA);
        Assert.NotEmpty(queuesB);
        Assert.Empty(queuesA.Intersect(queuesB));

        // B leaves: A takes over all queues and gets every later message
        await b.StopAsync();
        await a.WaitForAsync(c => c.Queues.Count == 4, "consumer A taking over all 4 queues");
        var sent2 = await ProduceAsync(ns, topic, 12, "TagA,TagB", "p2");
        await a.WaitForAsync(c => OfRun(c, "p2").Select(Key).Distinct().Count() == 12, "all p2 messages consumed by A");
        Assert.Equal(4, OfRun(a, "p2").Select(m => m.GetProperty("queueId").GetInt32()).Distinct().Count());
        Assert.Equal(sent2.Select(s => s.GetProperty("keys").GetString()!.Split(' ')[0]).Order(), OfRun(a, "p2").Select(Key).Distinct().Order());

        // A restarted consumer resumes from the committed offsets: only the new messages
        await a.StopAsync();
        var sent3 = await ProduceAsync(ns, topic, 8, "TagA", "p3");
        await using var again = AliOnsBrokerConsumer.Start(ns.Address, topic, group, "TagA||TagB");
        await again.WaitForAsync(c => OfRun(c, "p3").Select(Key).Distinct().Count() == 8, "all p3 messages consumed after the restart");
        Assert.Empty(OfRun(again, "p1"));
        Assert.Empty(OfRun(again, "p2"));
        await again.StopAsync();
    }

    [Fact]
    public async Task Sync_flush_broker_restart_loses_no_message_ali_ons_had_acknowledged()
    {
        await using var ns = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(ns, "broker-sync", "flushDiskType=SYNC_FLUSH");
        const string topic = "AliOnsSyncT";
        await CreateTopicAsync(broker, topic, 2);
        var sent = await ProduceAsync(ns, topic, 20, "TagA,TagB", "s1");

        await broker.RestartAsync();

        await using var consumer = AliOnsBrokerConsumer.Start(ns.Address, topic, "GID_AliOnsSync", "*");
        await consumer.WaitForAsync(c => OfRun(c, "s1").Select(Key).Distinct().Count() == 20, "every acknowledged message consumed after the restart");
        Assert.Equal(sent.Select(s => s.GetProperty("msgId").GetString()).Order(), OfRun(consumer, "s1").Select(m => m.GetProperty("msgId").GetString()).Distinct().Order());
        await consumer.StopAsync();
    }

    [Fact]
    public async Task Ali_ons_consume_failure_is_redelivered_through_the_retry_topic_with_increasing_reconsume_times()
    {
        await using var ns = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(ns, "broker-retry", "messageDelayLevel=1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");
        const string topic = "AliOnsRetryT";
        await CreateTopicAsync(broker, topic, 1);
        await using var consumer = AliOnsBrokerConsumer.Start(ns.Address, topic, "GID_AliOnsRetry", "*", new Dictionary<string, string> { ["FAIL_TAG"] = "Flaky", ["FAIL_TIMES"] = "2" });
        await consumer.WaitForAsync(c => c.Queues.Count == 1, "consumer owning the queue");

        var sent = (await ProduceAsync(ns, topic, 1, "Flaky", "r1")).Single();

        await consumer.WaitForAsync(c => OfRun(c, "r1").Any(m => !m.GetProperty("failed").GetBoolean()), "the third delivery succeeding", TimeSpan.FromSeconds(45));
        var deliveries = OfRun(consumer, "r1").ToList();
        Assert.Equal([0, 1, 2], deliveries.Select(m => m.GetProperty("reconsumeTimes").GetInt32()));
        Assert.All(deliveries, m => Assert.Equal(topic, m.GetProperty("topic").GetString()));
        Assert.All(deliveries, m => Assert.Equal("body-r1-0", m.GetProperty("body").GetString()));
        Assert.Equal(sent.GetProperty("msgId").GetString(), deliveries[0].GetProperty("msgId").GetString());
        Assert.All(deliveries.Skip(1), m => Assert.Equal(sent.GetProperty("msgId").GetString(), m.GetProperty("originMessageId").GetString()));
        await consumer.StopAsync();
    }

    [Fact]
    public async Task Two_ali_ons_broadcasting_consumers_of_one_group_each_receive_every_message()
    {
        // Given two BROADCASTING ali-ons processes of one group (both announce clientID <ip>@DEFAULT), each on all 4 queues
        await using var ns = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(ns, "broker-bcast");
        const string topic = "AliOnsBroadcastT";
        const string group = "GID_AliOnsBroadcast";
        await CreateTopicAsync(broker, topic, 4);
        var broadcast = new Dictionary<string, string> { ["BROADCAST"] = "1" };
        await using var first = AliOnsBrokerConsumer.Start(ns.Address, topic, group, "*", broadcast);
        await using var second = AliOnsBrokerConsumer.Start(ns.Address, topic, group, "*", broadcast);
        await first.WaitForAsync(c => c.Queues.Count == 4, "the first consumer on all 4 queues");
        await second.WaitForAsync(c => c.Queues.Count == 4, "the second consumer on all 4 queues");

        // When 20 messages are sent
        var sent = await ProduceAsync(ns, topic, 20, "TagA", "b1");

        // Then each consumer receives all 20
        var expected = sent.Select(s => s.GetProperty("msgId").GetString()).Order().ToList();
        await first.WaitForAsync(c => OfRun(c, "b1").Select(Key).Distinct().Count() == 20, "all 20 at the first consumer");
        await second.WaitForAsync(c => OfRun(c, "b1").Select(Key).Distinct().Count() == 20, "all 20 at the second consumer");
        Assert.Equal(expected, OfRun(first, "b1").Select(m => m.GetProperty("msgId").GetString()).Distinct().Order());
        Assert.Equal(expected, OfRun(second, "b1").Select(m => m.GetProperty("msgId").GetString()).Distinct().Order());
        await first.StopAsync();
        await second.StopAsync();
    }

    [Fact]
    public async Task Ali_ons_message_with_delay_level_2_is_delivered_after_5_seconds_not_before()
    {
        // Given an ali-ons consumer and the default delay levels (level 2 = 5 s)
        await using var ns = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(ns, "broker-delay");
        const string topic = "AliOnsDelayT";
        await CreateTopicAsync(broker, topic, 1);
        await using var consumer = AliOnsBrokerConsumer.Start(ns.Address, topic, "GID_AliOnsDelay", "*");
        await consumer.WaitForAsync(c => c.Queues.Count == 1, "consumer owning the queue");

        // When ali-ons sends a message with delayTimeLevel 2
        await ProduceAsync(ns, topic, 1, "Later", "d1", new Dictionary<string, string> { ["DELAY_LEVEL"] = "2" });

        // Then it arrives, once, no earlier than 5 s after it was born, on its own topic with its body and id
        await consumer.WaitForAsync(c => OfRun(c, "d1").Any(), "the delayed message", TimeSpan.FromSeconds(30));
        var delivered = OfRun(consumer, "d1").Single();
        var waited = delivered.GetProperty("receivedAt").GetInt64() - delivered.GetProperty("bornTimestamp").GetInt64();
        Console.WriteLine($"delay level 2: delivered {waited} ms after it was born");
        Assert.True(waited >= 5000, $"delivered {waited} ms after it was born");
        Assert.Equal(topic, delivered.GetProperty("topic").GetString());
        Assert.Equal("body-d1-0", delivered.GetProperty("body").GetString());
        await consumer.StopAsync();
    }
}
