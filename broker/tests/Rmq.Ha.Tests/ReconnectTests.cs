namespace Rmq.Ha.Tests;

public sealed class ReconnectTests
{
    [Fact]
    public async Task A_slave_reconnects_after_the_master_HA_service_restarts_and_continues_from_its_own_offset()
    {
        await using var cluster = await HaCluster.StartAsync(configure: o => o with { HaEmptySlaveStartsFromMinOffset = true });
        var slave = await cluster.AddSlaveAsync();
        await cluster.PutAsync(200, "a");
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not catch up");

        // When the HA service goes away, messages keep arriving, and the service comes back on the same port
        await cluster.Ha.DisposeAsync();
        await Poll.AssertAsync(() => !slave.Client.IsConnected, "slave did not notice");
        await cluster.PutAsync(200, "b");
        await cluster.RestartHaAsync();
        await cluster.PutAsync(200, "c");

        // Then the slave reconnects and holds exactly the master's bytes: nothing duplicated, nothing skipped
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not resume");
        Assert.True(slave.Client.GetStatus().ConnectCount >= 2);
        Compare.CommitLogsIdentical(cluster.Master, slave.Log, 0);
        await Compare.DispatchedAsync(slave.Log);
        await Compare.QueuesIdenticalAsync(cluster.Master, slave.Log, "TopicHA", 4);
        Assert.Equal(150, slave.Log.GetMaxOffsetInQueue("TopicHA", 0));
    }

    [Fact]
    public async Task Connections_cut_repeatedly_while_the_master_appends_lose_and_duplicate_nothing()
    {
        await using var cluster = await HaCluster.StartAsync(configure: o => o with { HaEmptySlaveStartsFromMinOffset = true });
        var slave = await cluster.AddSlaveAsync();
        slave.Client.BeforeApplyAsync = (_, _, ct) => Task.Delay(1, ct); // keep the stream busy while it is cut
        var writer = cluster.PutAsync(2000, "w", bodyPadding: 40, yieldEachPut: true);
        for (var cut = 0; cut < 5; cut++)
        {
            // Both ends must know the connection before it is cut
            await Poll.AssertAsync(() => slave.Client.IsConnected && cluster.Ha.ReplicatingSlaveCount >= 1, "slave did not connect");
            var connects = slave.Client.GetStatus().ConnectCount;
            if (cut % 2 == 0)
            {
                cluster.Ha.DropConnections();
            }
            else
            {
                slave.Client.DropConnection();
            }

            await Poll.AssertAsync(() => slave.Client.GetStatus().ConnectCount > connects, "slave did not reconnect");
        }

        Assert.All(await writer, r => Assert.True(r.IsOk));
        slave.Client.BeforeApplyAsync = null;
        await Poll.AssertAsync(() => slave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not converge");
        Compare.CommitLogsIdentical(cluster.Master, slave.Log, 0);
        await Compare.DispatchedAsync(slave.Log);
        await Compare.QueuesIdenticalAsync(cluster.Master, slave.Log, "TopicHA", 4);
    }

    [Fact]
    public async Task A_slave_learns_its_master_from_the_registration_answer_unless_haMasterAddress_is_configured()
    {
        await using var cluster = await HaCluster.StartAsync();
        await cluster.PutAsync(20);

        // A slave without haMasterAddress waits for the name server's answer
        var learner = await cluster.AddSlaveAsync(o => o with { HaMasterAddress = null });
        Assert.False(learner.Client.IsConnected);
        Assert.Null(learner.Client.GetStatus().MasterAddress);
        Assert.True(learner.Client.UpdateMasterAddressFromRegistration(cluster.MasterHaAddress));
        await Poll.AssertAsync(() => learner.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "slave did not replicate from the learned address");

        // A slave with haMasterAddress ignores the answer
        var fixedSlave = await cluster.AddSlaveAsync();
        Assert.False(fixedSlave.Client.UpdateMasterAddressFromRegistration("10.9.9.9:10912"));
        Assert.Equal(cluster.MasterHaAddress, fixedSlave.Client.MasterAddress);
        await Poll.AssertAsync(() => fixedSlave.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "fixed slave did not replicate");

        // An address change moves the learner: to nowhere, then back
        learner.Client.UpdateMasterAddress("127.0.0.1:1");
        await Poll.AssertAsync(() => !learner.Client.IsConnected, "learner kept the old connection");
        learner.Client.UpdateMasterAddress(cluster.MasterHaAddress);
        await cluster.PutAsync(20, "late");
        await Poll.AssertAsync(() => learner.Log.MaxPhyOffset == cluster.Master.MaxPhyOffset, "learner did not move back");
        var status = learner.Client.GetStatus();
        Assert.True(status.Connected);
        Assert.Null(status.Problem);
        await Poll.AssertAsync(() => learner.Client.GetStatus().BytesBehind == 0, "a heartbeat should show the slave 0 bytes behind");
    }
}
