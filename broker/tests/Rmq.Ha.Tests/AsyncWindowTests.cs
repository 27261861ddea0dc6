using Rmq.Store;
using Xunit.Abstractions;

namespace Rmq.Ha.Tests;

public sealed class AsyncWindowTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_async_master_that_dies_leaves_its_slave_a_reportable_number_of_acknowledged_messages_short(bool slowSlave)
    {
        // Given an ASYNC_MASTER and a slave that applies 1 KiB frames (slowly, or as fast as it can)
        await using var cluster = await HaCluster.StartAsync(configure: o => o with { HaTransferBatchSize = 1024 });
        var slave = await cluster.AddSlaveAsync();
        var frames = 0;
        slave.Client.BeforeApplyAsync = (_, _, ct) =>
        {
            Interlocked.Increment(ref frames);
            return slowSlave ? Task.Delay(1, ct) : Task.CompletedTask;
        };
        await Poll.AssertAsync(() => cluster.Ha.ReplicatingSlaveCount == 1, "slave did not connect");

        // When producers get 2000 acknowledgements and the master dies right after
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var acked = await cluster.PutAsync(2000, "async", bodyPadding: 60, yieldEachPut: true);
        var puttingMs = watch.ElapsedMilliseconds;
        cluster.Ha.Abort();
        await Poll.AssertAsync(() => !slave.Client.IsConnected, "slave did not notice the crash");

        // Then what the slave holds is an exact prefix of the master's log; the rest is the ASYNC window
        var slaveMax = slave.Log.MaxPhyOffset;
        var missing = acked.Count(r => r.WroteOffset + r.WroteBytes > slaveMax);
        var missingBytes = cluster.Master.MaxPhyOffset - slaveMax;
        output.WriteLine($"ASYNC_MASTER window ({(slowSlave ? "slow" : "fast")} slave): {missing} of {acked.Count} acknowledged messages ({missingBytes} bytes) were not on the slave when the master died (2000 puts in {puttingMs} ms; the slave applied {frames} frames of <= 1 KiB by the crash{(slowSlave ? ", each after a Task.Delay(1)" : string.Empty)})");
        Assert.All(acked, r => Assert.Equal(PutMessageStatus.PUT_OK, r.Status));
        var prefixFrom = slave.Log.MinPhyOffset;
        var offset = prefixFrom;
        while (offset < slaveMax)
        {
            using var m = cluster.Master.GetCommitLogData(offset)!;
            using var s = slave.Log.GetCommitLogData(offset)!;
            var n = Math.Min(m.Size, s.Size);
            Assert.True(m.Span[..n].SequenceEqual(s.Span[..n]));
            offset += n;
        }
    }
}
