using System.Diagnostics;
using Rmq.Store;

namespace Rmq.Ha.Tests;

public sealed class SyncMasterTests
{
    [Fact]
    public async Task A_sync_master_put_completes_PUT_OK_only_once_the_slave_holds_its_bytes()
    {
        // (a generous slaveTimeout: a loaded 2-core test machine can take longer than the fast 600 ms for one round trip)
        await using var cluster = await HaCluster.StartAsync(BrokerRole.SYNC_MASTER, o => o with { SlaveTimeout = 5000 });
        var slave = await cluster.AddSlaveAsync();
        await Poll.AssertAsync(() => cluster.Ha.IsSlaveOk(cluster.Master.MaxPhyOffset), "slave never became OK");

        for (var i = 0; i < 200; i++)
        {
            var r = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", i % 4, $"sync{i}"), CancellationToken.None);

            Assert.Equal(PutMessageStatus.PUT_OK, r.Status);
            Assert.True(slave.Log.MaxPhyOffset >= r.WroteOffset + r.WroteBytes, $"put {i} acknowledged before the slave held it");
            Assert.True(cluster.Ha.PushedToSlaveOffset >= r.WroteOffset + r.WroteBytes);
        }

        // Parallel puts share acks: each still completes only when covered.
        var parallel = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            var r = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", i % 4, $"par{i}"), CancellationToken.None);
            return (r, slaveMax: slave.Log.MaxPhyOffset);
        }));
        Assert.All(parallel, p =>
        {
            Assert.Equal(PutMessageStatus.PUT_OK, p.r.Status);
            Assert.True(p.slaveMax >= p.r.WroteOffset + p.r.WroteBytes);
        });
    }

    [Fact]
    public async Task A_sync_master_without_a_slave_answers_SLAVE_NOT_AVAILABLE_at_once_and_keeps_the_message()
    {
        await using var cluster = await HaCluster.StartAsync(BrokerRole.SYNC_MASTER, o => o with { SlaveTimeout = 3000 });

        var watch = Stopwatch.StartNew();
        var r = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", 0, "lonely"), CancellationToken.None);
        watch.Stop();

        Assert.Equal(PutMessageStatus.SLAVE_NOT_AVAILABLE, r.Status);
        Assert.True(watch.ElapsedMilliseconds < 3000, $"took {watch.ElapsedMilliseconds} ms: it waited for a timeout");
        Assert.Equal("lonely", System.Text.Encoding.UTF8.GetString(cluster.Master.LookMessageByOffset(r.WroteOffset)!.Body));
        var status = cluster.Ha.GetStatus();
        Assert.False(status.IsSlaveOk);
        Assert.Contains("no slave", status.SlaveNotOkReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slave_that_stops_acking_makes_sync_puts_answer_FLUSH_SLAVE_TIMEOUT_after_slaveTimeout_and_keeps_the_message()
    {
        await using var cluster = await HaCluster.StartAsync(BrokerRole.SYNC_MASTER, o => o with { SlaveTimeout = 1500 });
        var slave = await cluster.AddSlaveAsync();
        await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", 0, "before"), CancellationToken.None);
        await Poll.AssertAsync(() => cluster.Ha.IsSlaveOk(cluster.Master.MaxPhyOffset) && slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave never became OK");

        // The slave stalls before applying its next frame (still connected, so still "OK" for the master)
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slave.Client.BeforeApplyAsync = (_, _, ct) => release.Task.WaitAsync(ct);

        var watch = Stopwatch.StartNew();
        var r = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", 0, "stalled"), CancellationToken.None);
        watch.Stop();

        Assert.Equal(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, r.Status);
        Assert.True(watch.ElapsedMilliseconds >= cluster.Options.SlaveTimeout - 50, $"timed out after {watch.ElapsedMilliseconds} ms, before slaveTimeout");
        Assert.True(watch.ElapsedMilliseconds < cluster.MasterStore.Options.SyncFlushTimeout, "slaveTimeout was not honoured");
        Assert.Equal("stalled", System.Text.Encoding.UTF8.GetString(cluster.Master.LookMessageByOffset(r.WroteOffset)!.Body));

        // When the slave resumes it catches up and later puts succeed again
        slave.Client.BeforeApplyAsync = null;
        release.SetResult();
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not resume");
        var after = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", 0, "after"), CancellationToken.None);
        Assert.Equal(PutMessageStatus.PUT_OK, after.Status);
    }

    [Fact]
    public async Task Every_message_acknowledged_by_a_sync_master_is_readable_on_the_slave_after_the_master_dies()
    {
        await using var cluster = await HaCluster.StartAsync(BrokerRole.SYNC_MASTER, o => o with { SlaveTimeout = 2000 });
        var slave = await cluster.AddSlaveAsync();
        await Poll.AssertAsync(() => cluster.Ha.IsSlaveOk(cluster.Master.MaxPhyOffset), "slave never became OK");

        // Producers put in parallel; the master's network dies in the middle
        var acked = new System.Collections.Concurrent.ConcurrentBag<(PutMessageResult Result, string Body)>();
        var producers = Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < 400; i++)
            {
                var body = $"p{p}-{i}";
                var r = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", p % 4, body), CancellationToken.None);
                if (r.Status == PutMessageStatus.PUT_OK)
                {
                    acked.Add((r, body));
                }
            }
        })).ToList();
        await Poll.AssertAsync(() => acked.Count >= 500, "too few acknowledged puts before the crash");
        cluster.Ha.Abort();
        await Task.WhenAll(producers);
        await Poll.AssertAsync(() => !slave.Client.IsConnected, "slave did not notice the crash");

        Assert.True(acked.Count >= 500);
        foreach (var (r, body) in acked)
        {
            var onSlave = slave.Log.LookMessageByOffset(r.WroteOffset);
            Assert.NotNull(onSlave);
            Assert.Equal(body, System.Text.Encoding.UTF8.GetString(onSlave.Body));
        }

        await Compare.DispatchedAsync(slave.Log);
        foreach (var (r, body) in acked)
        {
            var pulled = StoredMessage.DecodeAll(slave.Log.GetMessage("g", "TopicHA", int.Parse(body[1..body.IndexOf('-')], System.Globalization.CultureInfo.InvariantCulture) % 4, r.LogicsOffset, 1).Body.Span);
            Assert.Equal(body, System.Text.Encoding.UTF8.GetString(Assert.Single(pulled).Body));
        }
    }
}
