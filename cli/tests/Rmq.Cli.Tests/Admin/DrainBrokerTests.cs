using System.Diagnostics;
using System.Text;
using Rmq.Client;
using Rmq.Client.Messages;
using Rmq.Client.NameServer;
using Rmq.Client.Producer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Tests.Admin;

/// <summary>
/// drainBroker / undrainBroker / drainStatus against in-process rmq name servers and brokers, and the source document's
/// procedure (wipeWritePerm, wait, stop) with <c>rmq admin</c> in place of <c>mqadmin</c>.
/// </summary>
public sealed class DrainBrokerTests
{
    private const string Topic = "DrainTopic";

    [Fact]
    public async Task DrainBroker_on_an_idle_broker_returns_within_one_route_refresh_plus_the_grace_period()
    {
        await using var cluster = await AdminCluster.StartAsync(brokers: 1, nameServers: 2);
        await CreateTopicAsync(cluster, "broker-a");
        var refresh = TimeSpan.FromSeconds(3);
        var grace = TimeSpan.FromSeconds(1);

        var watch = Stopwatch.StartNew();
        var result = await AdminRun.RunAsync(TimeSpan.FromSeconds(30), "drainBroker", "-b", "broker-a", "-n", cluster.NameServerList,
            "--route-refresh", "3s", "--grace", "1s", "--check-interval", "200ms", "--timeout", "20s");
        watch.Stop();
        var json = await AdminRun.RunAsync(TimeSpan.FromSeconds(30), "drainBroker", "-b", "broker-a", "-n", cluster.NameServerList,
            "--route-refresh", "3s", "--grace", "1s", "--check-interval", "200ms", "--timeout", "20s", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(json.ExitCode == 0, json.ToString());
        // from the wipe to the verdict, as the command measures it, and the whole call with room for start-up
        var drained = TimeSpan.FromMilliseconds(json.Json.GetProperty("elapsedMillis").GetInt64());
        Assert.True(drained >= refresh && drained <= refresh + grace, $"drained after {drained}");
        Assert.True(watch.Elapsed <= refresh + grace + TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.True(json.Json.GetProperty("drained").GetBoolean());
        Assert.Equal(0, json.Json.GetProperty("putsDuringDrain").GetInt64());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Count(l => l.StartsWith("wipe write perm of broker[broker-a] in name server[", StringComparison.Ordinal) && l.Contains("] OK, ", StringComparison.Ordinal)));
        Assert.True(lines.Count(l => l.StartsWith('[')) >= 3, "a progress line per check");
        Assert.Contains(lines, l => l.StartsWith("broker[broker-a] ", StringComparison.Ordinal) && l.Contains(" drained: ", StringComparison.Ordinal));
        foreach (var address in cluster.NameServerAddresses)
        {
            var ns = new NameServerClient(address);
            await using var nsOwner = Bounded.Own(ns);
            Assert.Equal(PermName.Read, (await ns.GetTopicRouteAsync(Topic)).QueueDatas.Single().Perm);
            Assert.NotNull(await ns.GetKvConfigAsync("RMQ_DRAIN", "broker-a"));
        }
    }

    [Fact]
    public async Task DrainBroker_on_a_broker_that_keeps_receiving_writes_times_out_with_exit_8_and_names_the_writer()
    {
        // two brokers: the rmq Producer refuses an explicit queue of a topic without any writable queue (Java's does not)
        await using var cluster = await AdminCluster.StartAsync(brokers: 2);
        await CreateTopicAsync(cluster, "broker-a");
        await CreateTopicAsync(cluster, "broker-b");
        var producer = await StartProducerAsync(cluster, "StubbornPG");
        await using var producerOwner = Bounded.Own(producer);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var queue = new MessageQueue(Topic, "broker-a", 1);

        // a client that ignores routes: it keeps sending to broker-a's queue 1 whatever the name server says
        var writer = Task.Run(async () =>
        {
            var sent = 0;
            while (!stop.IsCancellationRequested)
            {
                await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes("x" + sent)), queue);
                sent++;
                await Task.Delay(50);
            }

            return sent;
        });

        var result = await AdminRun.RunAsync(TimeSpan.FromSeconds(30), "drainBroker", "-b", "broker-a", "-n", cluster.NameServerList, "-g", "StubbornPG",
            "--route-refresh", "1s", "--grace", "1s", "--check-interval", "250ms", "--timeout", "3s", "--output", "json");
        await stop.CancelAsync();
        Assert.True(await writer > 10);

        Assert.True(result.ExitCode == 8, result.ToString());
        Assert.True(result.Json.GetProperty("putsDuringDrain").GetInt64() > 10);
        Assert.Contains(result.Json.GetProperty("producers").EnumerateArray(), p => p.GetProperty("producerGroup").GetString() == "StubbornPG"
            && p.GetProperty("clientId").GetString() == producer.Instance.ClientId);
        var writers = result.Json.GetProperty("writers").EnumerateArray().ToList();
        Assert.Contains(writers, w => w.GetProperty("topic").GetString() == Topic && w.GetProperty("queueId").GetInt32() == 1
            && w.GetProperty("bornHost").GetString()!.StartsWith("127.0.0.1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_table_output_of_a_timed_out_drain_lists_the_writers_on_stderr()
    {
        // two brokers: the rmq Producer refuses an explicit queue of a topic without any writable queue (Java's does not)
        await using var cluster = await AdminCluster.StartAsync(brokers: 2);
        await CreateTopicAsync(cluster, "broker-a");
        await CreateTopicAsync(cluster, "broker-b");
        var producer = await StartProducerAsync(cluster, "StubbornPG");
        await using var producerOwner = Bounded.Own(producer);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await producer.SendAsync(new Message(Topic, "y"u8.ToArray()), new MessageQueue(Topic, "broker-a", 2));
                await Task.Delay(50);
            }
        });

        var result = await AdminRun.RunAsync(TimeSpan.FromSeconds(30), "drainBroker", "-b", "broker-a", "-n", cluster.NameServerList,
            "--route-refresh", "1s", "--grace", "1s", "--check-interval", "250ms", "--timeout", "2s");
        await stop.CancelAsync();
        await writer;

        Assert.Equal(8, result.ExitCode);
        Assert.Contains("broker[broker-a] " + cluster.BrokerAddress("broker-a") + " still receives writes after ", result.Error, StringComparison.Ordinal);
        Assert.Contains(result.Error.Split('\n'), l => l.StartsWith(Topic.PadRight(32) + " 2    127.0.0.1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_documented_procedure_with_rmq_admin_loses_no_send_while_broker_a_is_drained_stopped_restarted_and_undrained()
    {
        await using var cluster = await AdminCluster.StartAsync(brokers: 2, registerPeriod: TimeSpan.FromSeconds(2));
        await CreateTopicAsync(cluster, "broker-a");
        await CreateTopicAsync(cluster, "broker-b");
        var producer = await StartProducerAsync(cluster, "ProcedurePG");
        await using var producerOwner = Bounded.Own(producer);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var sentTo = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // bounded: at most 5,000 sends, and only until the test stops it
        var sender = Task.Run(async () =>
        {
            for (var i = 0; i < 5_000 && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var sent = await producer.SendAsync(new Message(Topic, Encoding.UTF8.GetBytes("m" + i)));
                    sentTo.AddOrUpdate(sent.MessageQueue.BrokerName, 1, (_, n) => n + 1);
                }
                catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
                {
                    failures.Enqueue(e.Message);
                }

                await Task.Delay(20);
            }
        });

        Assert.True(await AdminRun.EventuallyAsync(() => Task.FromResult(sentTo.GetValueOrDefault("broker-a") > 5 && sentTo.GetValueOrDefault("broker-b") > 5), TimeSpan.FromSeconds(20)), "both brokers take writes");

        // 1. drain (mqadmin wipeWritePerm + "wait 40 s", with evidence instead of the wait)
        var drain = await AdminRun.RunAsync(TimeSpan.FromSeconds(40), "drainBroker", "-b", "broker-a", "-n", cluster.NameServerList,
            "--route-refresh", "2s", "--grace", "1s", "--check-interval", "250ms", "--timeout", "30s");
        Assert.True(drain.ExitCode == 0, drain.ToString());
        var toA = sentTo.GetValueOrDefault("broker-a");

        // 2. stop broker-a; sends keep going to broker-b
        await cluster.StopBrokerAsync("broker-a");
        var toB = sentTo.GetValueOrDefault("broker-b");
        Assert.True(await AdminRun.EventuallyAsync(() => Task.FromResult(sentTo.GetValueOrDefault("broker-b") > toB + 20), TimeSpan.FromSeconds(20)));
        Assert.Equal(toA, sentTo.GetValueOrDefault("broker-a"));

        // 3. restart it: it registers from scratch with write perm; drainStatus sees that and re-applies the drain
        await cluster.StartBrokerAsync("broker-a");
        Assert.True(await AdminRun.EventuallyAsync(async () => (await AdminRun.RunAsync("drainStatus", "-b", "broker-a", "-n", cluster.NameServerList, "--output", "json")).Json[0].GetProperty("writableQueues").GetInt32() > 0, TimeSpan.FromSeconds(20)));
        var reapply = await AdminRun.RunAsync("drainStatus", "-b", "broker-a", "--reapply", "-n", cluster.NameServerList);
        Assert.True(reapply.ExitCode == 0, reapply.ToString());
        Assert.Contains("DRAINED (wipe re-applied)", reapply.Out, StringComparison.Ordinal);

        // 4. undrain: broker-a takes writes again
        var undrain = await AdminRun.RunAsync("undrainBroker", "-b", "broker-a", "-n", cluster.NameServerList);
        Assert.True(undrain.ExitCode == 0, undrain.ToString());
        Assert.StartsWith("add write perm of broker[broker-a] in name server[", undrain.Out, StringComparison.Ordinal);
        var afterUndrain = sentTo.GetValueOrDefault("broker-a");
        Assert.True(await AdminRun.EventuallyAsync(() => Task.FromResult(sentTo.GetValueOrDefault("broker-a") > afterUndrain + 5), TimeSpan.FromSeconds(20)), "broker-a takes writes after undrain");
        Assert.Empty((await AdminRun.RunAsync("drainStatus", "-n", cluster.NameServerList, "--output", "json")).Json.EnumerateArray());

        await stop.CancelAsync();
        await sender;
        Assert.True(failures.IsEmpty, string.Join("\n", failures));
    }

    private static async Task CreateTopicAsync(AdminCluster cluster, string broker)
    {
        var result = await AdminRun.RunAsync("updateTopic", "-b", cluster.BrokerAddress(broker), "-t", Topic, "-r", "4", "-w", "4", "-n", cluster.NameServerList);
        Assert.True(result.ExitCode == 0, result.ToString());
        var ns = new NameServerClient(cluster.NameServerList);
        await using var nsOwner = Bounded.Own(ns);
        Assert.True(await AdminRun.EventuallyAsync(async () =>
        {
            try
            {
                return (await ns.GetTopicRouteAsync(Topic)).QueueDatas.Any(q => q.BrokerName == broker);
            }
            catch (MQClientException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20)), $"{Topic} on {broker} reaches the name server");
    }

    private static async Task<Producer> StartProducerAsync(AdminCluster cluster, string group)
    {
        var producer = new Producer(new ProducerOptions
        {
            ProducerGroup = group,
            NameServerAddress = cluster.NameServerList,
            InstanceName = group + Guid.NewGuid().ToString("N")[..8],
            PollNameServerInterval = TimeSpan.FromSeconds(1),
            HeartbeatBrokerInterval = TimeSpan.FromSeconds(1),
            RetryTimesWhenSendFailed = 0,
            SendMsgTimeout = TimeSpan.FromSeconds(3),
        });
        await producer.StartAsync();
        return producer;
    }
}
