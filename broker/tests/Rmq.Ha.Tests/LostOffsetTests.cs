using Rmq.Store;

namespace Rmq.Ha.Tests;

public sealed class LostOffsetTests
{
    [Fact]
    public async Task A_slave_whose_offset_the_master_deleted_is_told_on_both_sides_and_a_reseeded_slave_replicates()
    {
        // Given a SYNC_MASTER whose old files expire at once, and a slave that replicated the first messages
        await using var cluster = await HaCluster.StartAsync(BrokerRole.SYNC_MASTER, store: o => o with { FileReservedTime = 0 });
        var slaveStore = new TestStore(BrokerRole.SLAVE);
        var first = await cluster.AddSlaveAsync(store: slaveStore);
        await cluster.PutAsync(50, "old");
        await Poll.AssertAsync(() => first.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not catch up");
        await first.Client.DisposeAsync();
        var slaveOffset = first.Log.MaxPhyOffset;

        // When the slave is away, the master writes several files and deletes the old ones
        await cluster.PutAsync(500, "new");
        while (cluster.Master.DeleteExpiredFilesNow() > 0)
        {
        }

        Assert.True(cluster.Master.MinPhyOffset > slaveOffset);

        // Then a reconnecting slave is rejected with the offsets and the remedy on both sides
        var again = await cluster.AddSlaveAsync(store: slaveStore);
        await Poll.AssertAsync(() => again.Client.GetStatus().Problem is not null, "slave shows no problem");
        var slaveProblem = again.Client.GetStatus().Problem!;
        Assert.Equal(HaProblemKind.OffsetMismatch, slaveProblem.Kind);
        Assert.Equal(slaveOffset, slaveProblem.SlaveOffset);
        Assert.Equal(cluster.Master.MinPhyOffset, slaveProblem.MasterOffset);
        Assert.Contains(HaReplicationProblem.ReseedAdvice, slaveProblem.Message, StringComparison.Ordinal);
        Assert.Equal(slaveOffset, again.Log.MaxPhyOffset);

        await Poll.AssertAsync(() => cluster.Ha.GetStatus().Problems.Count == 1, "master shows no problem");
        var masterStatus = cluster.Ha.GetStatus();
        var masterProblem = Assert.Single(masterStatus.Problems);
        Assert.Equal(HaProblemKind.SlaveOffsetBelowMasterMin, masterProblem.Kind);
        Assert.Equal(slaveOffset, masterProblem.SlaveOffset);
        Assert.Equal(cluster.Master.MinPhyOffset, masterProblem.MasterMinOffset);
        Assert.False(masterStatus.IsSlaveOk);
        Assert.Contains(HaReplicationProblem.ReseedAdvice, masterStatus.SlaveNotOkReason, StringComparison.Ordinal);
        var put = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", 0, "while-broken"), CancellationToken.None);
        Assert.Equal(PutMessageStatus.SLAVE_NOT_AVAILABLE, put.Status);

        // And re-seeding (stop the slave, delete its store, start it) brings replication back
        await again.Client.DisposeAsync();
        var reseeded = await cluster.AddSlaveAsync();
        await Poll.AssertAsync(() => reseeded.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "re-seeded slave did not catch up");
        await Poll.AssertAsync(() => cluster.Ha.IsSlaveOk(cluster.Master.MaxPhyOffset), "re-seeded slave is not OK");
        var ok = await cluster.Master.PutMessageAsync(TestStore.Message("TopicHA", 0, "healed"), CancellationToken.None);
        Assert.Equal(PutMessageStatus.PUT_OK, ok.Status);
        await Poll.AssertAsync(() => cluster.Ha.GetStatus().Problems.Count == 0, "the healed slave's host still shows a problem");
    }

    [Fact]
    public async Task A_slave_ahead_of_its_master_is_rejected_and_keeps_its_bytes()
    {
        // Given a slave that replicated 300 messages from one master
        await using var old = await HaCluster.StartAsync();
        var slave = await old.AddSlaveAsync(o => o with { HaMasterAddress = null });
        slave.Client.UpdateMasterAddress(old.MasterHaAddress);
        await old.PutAsync(300);
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == old.Master.MaxPhyOffset, "slave did not catch up");
        var slaveOffset = slave.Log.MaxPhyOffset;

        // When it is pointed at a master with a shorter commit log (a replaced store)
        await using var replaced = await HaCluster.StartAsync();
        await replaced.PutAsync(10);
        slave.Client.UpdateMasterAddress(replaced.MasterHaAddress);

        // Then both sides name the offsets, nothing is appended, and the master is not "slave OK"
        await Poll.AssertAsync(() => replaced.Ha.GetStatus().Problems.Count == 1, "master shows no problem");
        var problem = Assert.Single(replaced.Ha.GetStatus().Problems);
        Assert.Equal(HaProblemKind.SlaveOffsetAboveMasterMax, problem.Kind);
        Assert.Equal(slaveOffset, problem.SlaveOffset);
        Assert.Equal(replaced.Master.MaxPhyOffset, problem.MasterOffset);
        await Poll.AssertAsync(() => slave.Client.GetStatus().Problem is { Kind: HaProblemKind.OffsetMismatch }, "slave shows no problem");
        Assert.Equal(replaced.Master.MaxPhyOffset, slave.Client.GetStatus().Problem!.MasterOffset);
        Assert.Equal(slaveOffset, slave.Log.MaxPhyOffset);
        Assert.False(replaced.Ha.IsSlaveOk(replaced.Master.MaxPhyOffset));
        Assert.Equal(0, replaced.Ha.PushedToSlaveOffset);

        // And pointing it back at its own master heals it
        slave.Client.UpdateMasterAddress(old.MasterHaAddress);
        await old.PutAsync(10, "back");
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == old.Master.MaxPhyOffset && slave.Client.GetStatus().Problem is null, "slave did not heal");
    }

    [Fact]
    public async Task A_connected_slave_whose_next_bytes_are_deleted_mid_stream_is_rejected_instead_of_waiting_forever()
    {
        // Given a connected slave that holds the first messages, and a sender held back before its next read
        await using var cluster = await HaCluster.StartAsync(store: o => o with { FileReservedTime = 0 });
        var slave = await cluster.AddSlaveAsync();
        await cluster.PutAsync(50, "old");
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not catch up");
        var slaveOffset = slave.Log.MaxPhyOffset;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        cluster.Ha.BeforeTransferAsync = (_, ct) =>
        {
            Interlocked.Exchange(ref held, 1);
            return release.Task.WaitAsync(ct);
        };

        // When the master writes several files and deletes the ones the slave needs next
        await cluster.PutAsync(500, "new");
        await Poll.AssertAsync(() => Volatile.Read(ref held) == 1, "sender was not held");
        while (cluster.Master.DeleteExpiredFilesNow() > 0)
        {
        }

        Assert.True(cluster.Master.MinPhyOffset > slaveOffset);
        cluster.Ha.BeforeTransferAsync = null;
        release.SetResult();

        // Then both sides report the lost offset, and the slave keeps exactly what it had
        await Poll.AssertAsync(() => cluster.Ha.GetStatus().Problems.Count == 1, "master shows no problem");
        var problem = Assert.Single(cluster.Ha.GetStatus().Problems);
        Assert.Equal(HaProblemKind.SlaveOffsetBelowMasterMin, problem.Kind);
        Assert.Equal(slaveOffset, problem.SlaveOffset);
        await Poll.AssertAsync(() => slave.Client.GetStatus().Problem is { Kind: HaProblemKind.OffsetMismatch }, "slave shows no problem");
        Assert.Equal(slaveOffset, slave.Log.MaxPhyOffset);
        Assert.False(cluster.Ha.GetStatus().IsSlaveOk);
    }
}
