using System.Text;
using Rmq.Store;

namespace Rmq.Ha.Tests;

public sealed class CatchUpTests
{
    [Fact]
    public async Task An_empty_slave_started_after_the_master_holds_messages_catches_up_byte_identical_with_identical_queues()
    {
        // Given a master holding several files of messages, configured to give empty slaves a full copy
        await using var cluster = await HaCluster.StartAsync(configure: o => o with { HaEmptySlaveStartsFromMinOffset = true });
        await cluster.PutAsync(600);
        Assert.True(cluster.Master.MaxPhyOffset > 4 * TestStore.FileSize);

        // When an empty slave connects
        var slave = await cluster.AddSlaveAsync();

        // Then its commit log is byte-identical from offset 0, and its queues and index answer as the master's
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not catch up");
        Compare.CommitLogsIdentical(cluster.Master, slave.Log, 0);
        await Compare.DispatchedAsync(slave.Log);
        await Compare.QueuesIdenticalAsync(cluster.Master, slave.Log, "TopicHA", 4);
        foreach (var key in new[] { "m0", "m299", "m599" })
        {
            var onMaster = cluster.Master.QueryMessage("TopicHA", key, 32, 0, long.MaxValue);
            var onSlave = slave.Log.QueryMessage("TopicHA", key, 32, 0, long.MaxValue);
            Assert.Single(onSlave.Messages);
            Assert.Equal(onMaster.Messages.Select(m => m.CommitLogOffset), onSlave.Messages.Select(m => m.CommitLogOffset));
            Assert.True(onMaster.Body.Span.SequenceEqual(onSlave.Body.Span));
        }

        // The master learns it from the slave's next report
        await Poll.AssertAsync(() => cluster.Ha.PushedToSlaveOffset == cluster.Master.MaxPhyOffset, "master did not take the slave's ack");
        var status = cluster.Ha.GetStatus();
        Assert.True(status.IsSlaveOk);
        Assert.Equal(cluster.Master.MaxPhyOffset, status.PushedToSlaveOffset);
        var connection = Assert.Single(status.Slaves);
        Assert.Equal(0, connection.LagBytes);
    }

    [Fact]
    public async Task An_empty_slave_starts_at_the_beginning_of_the_masters_last_file_as_RocketMQ_does()
    {
        await using var cluster = await HaCluster.StartAsync();
        await cluster.PutAsync(600);
        var max = cluster.Master.MaxPhyOffset;
        var lastFileStart = max - (max % TestStore.FileSize);
        Assert.True(lastFileStart > 0);

        var slave = await cluster.AddSlaveAsync();

        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not catch up");
        Assert.Equal(lastFileStart, slave.Log.MinPhyOffset);
        Compare.CommitLogsIdentical(cluster.Master, slave.Log, lastFileStart);
        await Compare.DispatchedAsync(slave.Log);
        await Compare.QueuesIdenticalAsync(cluster.Master, slave.Log, "TopicHA", 4);
        Assert.Single(slave.Log.QueryMessage("TopicHA", "m599", 32, 0, long.MaxValue).Messages);
    }

    [Fact]
    public async Task A_slave_converges_while_the_master_appends_continuously()
    {
        await using var cluster = await HaCluster.StartAsync(configure: o => o with { HaEmptySlaveStartsFromMinOffset = true });
        await cluster.PutAsync(50, "pre");
        var slave = await cluster.AddSlaveAsync();

        // While the slave replicates, the master keeps appending (ASYNC_MASTER answers without waiting)
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested && n < 3000)
            {
                var r = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", n % 4, $"live{n}", keys: $"live{n}"), CancellationToken.None);
                Assert.True(r.IsOk);
                n++;
                if (n % 50 == 0)
                {
                    await Task.Yield();
                }
            }

            return n;
        });
        var progressed = await Poll.UntilAsync(() => slave.Log.MaxPhyOffset > 5 * TestStore.FileSize);
        var written = await writer;

        Assert.True(progressed);
        Assert.Equal(3000, written);
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not converge");
        Compare.CommitLogsIdentical(cluster.Master, slave.Log, 0);
        await Compare.DispatchedAsync(slave.Log);
        await Compare.QueuesIdenticalAsync(cluster.Master, slave.Log, "TopicHA", 4);
    }

    [Fact]
    public async Task Two_slaves_of_one_master_both_hold_every_message()
    {
        await using var cluster = await HaCluster.StartAsync(configure: o => o with { HaEmptySlaveStartsFromMinOffset = true });
        var first = await cluster.AddSlaveAsync();
        await cluster.PutAsync(300, "a");
        var second = await cluster.AddSlaveAsync();
        await cluster.PutAsync(300, "b");

        foreach (var slave in new[] { first, second })
        {
            await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "a slave did not catch up");
            Compare.CommitLogsIdentical(cluster.Master, slave.Log, 0);
            await Compare.DispatchedAsync(slave.Log);
            Assert.Equal(150, slave.Log.GetMaxOffsetInQueue("TopicHA", 3));
            var pulled = StoredMessage.DecodeAll(slave.Log.GetMessage("g", "TopicHA", 3, 149, 1).Body.Span);
            Assert.StartsWith("b299-", Encoding.UTF8.GetString(Assert.Single(pulled).Body));
        }

        await Poll.AssertAsync(() => cluster.Ha.GetStatus().Slaves.Count == 2 && cluster.Ha.GetStatus().Slaves.All(s => s.LagBytes == 0), "status does not show two caught-up slaves");
    }
}
