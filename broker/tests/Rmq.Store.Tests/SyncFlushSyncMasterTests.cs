namespace Rmq.Store.Tests;

/// <summary>
/// SYNC_FLUSH + SYNC_MASTER: the flush wait and the slave wait run at the same time (RocketMQ 4.x combines both
/// futures), each bounded by its own timeout, and a replication failure wins over a flush failure.
/// </summary>
public sealed class SyncFlushSyncMasterTests
{
    private static TestStore SyncStore(int syncFlushTimeout = 5000) =>
        new(o => o with { FlushDiskType = FlushDiskType.SYNC_FLUSH, BrokerRole = BrokerRole.SYNC_MASTER, SyncFlushTimeout = syncFlushTimeout });

    [Fact]
    public async Task The_slave_wait_starts_while_the_flush_is_still_pending()
    {
        // Given a disk that does not flush until released
        using var gate = new ManualResetEventSlim(false);
        var waiter = new ControlledReplicationWaiter();
        await using var t = SyncStore();
        var store = await t.StartAsync(new MessageStoreServices { ReplicationWaiter = waiter, BeforeCommitLogFlush = () => gate.Wait(TimeSpan.FromSeconds(10)) });

        // When a put is made
        var put = store.PutMessageAsync(TestStore.Message("T", 0, "both"), CancellationToken.None).AsTask();

        // Then the store waits for the slave before the flush has finished
        var end = await waiter.WaitStarted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(store.FlushedPhyOffset < end);
        Assert.False(put.IsCompleted);

        waiter.Complete(true);
        Assert.False(put.IsCompleted); // the flush is still pending
        gate.Set();
        Assert.Equal(PutMessageStatus.PUT_OK, (await put).Status);
    }

    [Fact]
    public async Task The_slave_wait_is_not_cut_short_by_sync_flush_timeout()
    {
        // Given a syncFlushTimeout far below how long the slave takes
        var waiter = new ControlledReplicationWaiter();
        await using var t = SyncStore(syncFlushTimeout: 50);
        var store = await t.StartAsync(new MessageStoreServices { ReplicationWaiter = waiter });

        var put = store.PutMessageAsync(TestStore.Message("T", 0, "slow slave"), CancellationToken.None).AsTask();
        await waiter.WaitStarted.WaitAsync(TimeSpan.FromSeconds(10));
        var end = await waiter.WaitStarted;
        Assert.True(await Poll.UntilAsync(() => store.FlushedPhyOffset >= end));
        await Task.Delay(300); // six syncFlushTimeouts: a wrong implementation answers FLUSH_SLAVE_TIMEOUT here
        Assert.False(put.IsCompleted);

        // When the slave acks later
        waiter.Complete(true);

        // Then the put succeeds
        Assert.Equal(PutMessageStatus.PUT_OK, (await put).Status);
    }

    [Fact]
    public async Task A_slave_timeout_with_a_good_flush_is_flush_slave_timeout()
    {
        var waiter = new ControlledReplicationWaiter();
        await using var t = SyncStore();
        var store = await t.StartAsync(new MessageStoreServices { ReplicationWaiter = waiter });

        var put = store.PutMessageAsync(TestStore.Message("T", 0, "x"), CancellationToken.None).AsTask();
        await waiter.WaitStarted.WaitAsync(TimeSpan.FromSeconds(10));
        waiter.Complete(false);

        var result = await put;
        Assert.Equal(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, result.Status);
        Assert.NotNull(store.LookMessageByOffset(result.WroteOffset));
    }

    [Fact]
    public async Task A_flush_timeout_with_a_slave_ack_is_flush_disk_timeout()
    {
        using var gate = new ManualResetEventSlim(false);
        var waiter = new ControlledReplicationWaiter();
        await using var t = SyncStore(syncFlushTimeout: 100);
        var store = await t.StartAsync(new MessageStoreServices { ReplicationWaiter = waiter, BeforeCommitLogFlush = () => gate.Wait(TimeSpan.FromSeconds(10)) });

        var put = store.PutMessageAsync(TestStore.Message("T", 0, "x"), CancellationToken.None).AsTask();
        await waiter.WaitStarted.WaitAsync(TimeSpan.FromSeconds(10));
        waiter.Complete(true);

        Assert.Equal(PutMessageStatus.FLUSH_DISK_TIMEOUT, (await put).Status);
        gate.Set();
    }

    [Fact]
    public async Task When_both_fail_the_replication_status_is_returned()
    {
        using var gate = new ManualResetEventSlim(false);
        var waiter = new ControlledReplicationWaiter();
        await using var t = SyncStore(syncFlushTimeout: 100);
        var store = await t.StartAsync(new MessageStoreServices { ReplicationWaiter = waiter, BeforeCommitLogFlush = () => gate.Wait(TimeSpan.FromSeconds(10)) });

        var put = store.PutMessageAsync(TestStore.Message("T", 0, "x"), CancellationToken.None).AsTask();
        await waiter.WaitStarted.WaitAsync(TimeSpan.FromSeconds(10));
        waiter.Complete(false);

        Assert.Equal(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, (await put).Status);
        gate.Set();
    }

    [Fact]
    public async Task No_usable_slave_is_slave_not_available_once_the_flush_is_done()
    {
        using var gate = new ManualResetEventSlim(false);
        var waiter = new ControlledReplicationWaiter { SlaveOk = false };
        await using var t = SyncStore();
        var store = await t.StartAsync(new MessageStoreServices { ReplicationWaiter = waiter, BeforeCommitLogFlush = () => gate.Wait(TimeSpan.FromSeconds(10)) });

        var put = store.PutMessageAsync(TestStore.Message("T", 0, "x"), CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(put.IsCompleted); // still flushing: the answer waits for the disk, as 4.x's thenCombine does
        gate.Set();

        var result = await put;
        Assert.Equal(PutMessageStatus.SLAVE_NOT_AVAILABLE, result.Status);
        Assert.False(waiter.WaitStarted.IsCompleted);
        Assert.True(store.FlushedPhyOffset >= result.WroteOffset + result.WroteBytes);
    }
}
