namespace Rmq.Store.Tests;

public sealed class FlushTests
{
    [Fact]
    public async Task Sync_flush_append_completes_only_after_its_bytes_are_flushed()
    {
        using var gate = new ManualResetEventSlim(false);
        var services = new MessageStoreServices { BeforeCommitLogFlush = () => gate.Wait(TimeSpan.FromSeconds(10)) };
        await using var t = new TestStore(o => o with { FlushDiskType = FlushDiskType.SYNC_FLUSH });
        var store = await t.StartAsync(services);

        var pending = store.PutMessageAsync(TestStore.Message("T", 0, "durable"), CancellationToken.None).AsTask();
        await Task.Delay(100); // give a wrong implementation the chance to answer early
        Assert.False(pending.IsCompleted);
        Assert.True(store.FlushedPhyOffset < store.MaxPhyOffset);

        gate.Set();
        var result = await pending;

        Assert.Equal(PutMessageStatus.PUT_OK, result.Status);
        Assert.True(store.FlushedPhyOffset >= result.WroteOffset + result.WroteBytes);
    }

    [Fact]
    public async Task Concurrent_sync_appends_share_flushes()
    {
        await using var t = new TestStore(o => o with { FlushDiskType = FlushDiskType.SYNC_FLUSH, MappedFileSizeCommitLog = 1024 * 1024 });
        var store = await t.StartAsync();
        const int writers = 64, perWriter = 20;

        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var list = new List<PutMessageResult>();
            for (var i = 0; i < perWriter; i++)
            {
                list.Add(await store.PutMessageAsync(TestStore.Message("T", w % 8, $"w{w}-{i}"), CancellationToken.None));
            }

            return list;
        })));

        var all = results.SelectMany(r => r).ToList();
        Assert.All(all, r => Assert.Equal(PutMessageStatus.PUT_OK, r.Status));
        Assert.All(all, r => Assert.True(store.FlushedPhyOffset >= r.WroteOffset + r.WroteBytes));
        Assert.True(store.CommitLogFlushCount < writers * perWriter, $"{store.CommitLogFlushCount} flushes for {writers * perWriter} appends");
    }

    [Fact]
    public async Task Async_flush_eventually_flushes_a_partial_page_at_the_thorough_interval()
    {
        await using var t = new TestStore(o => o with { FlushCommitLogThoroughInterval = 300, FlushIntervalCommitLog = 50 });
        var store = await t.StartAsync();

        var result = await store.PutMessageAsync(TestStore.Message("T", 0, "x"), CancellationToken.None);

        Assert.Equal(PutMessageStatus.PUT_OK, result.Status);
        Assert.True(await Poll.UntilAsync(() => store.FlushedPhyOffset >= result.WroteOffset + result.WroteBytes));
        Assert.True(await Poll.UntilAsync(() => store.Checkpoint.PhysicMsgTimestamp == result.StoreTimestamp));
    }

    [Fact]
    public async Task Slow_disk_gives_flush_disk_timeout_and_the_message_is_still_stored()
    {
        using var gate = new ManualResetEventSlim(false);
        var services = new MessageStoreServices { BeforeCommitLogFlush = () => gate.Wait(TimeSpan.FromSeconds(10)) };
        await using var t = new TestStore(o => o with { FlushDiskType = FlushDiskType.SYNC_FLUSH, SyncFlushTimeout = 100 });
        var store = await t.StartAsync(services);

        var result = await store.PutMessageAsync(TestStore.Message("T", 0, "slow"), CancellationToken.None);

        Assert.Equal(PutMessageStatus.FLUSH_DISK_TIMEOUT, result.Status);
        Assert.NotNull(store.LookMessageByOffset(result.WroteOffset));
        gate.Set(); // the disk catches up: the message is flushed later
        Assert.True(await Poll.UntilAsync(() => store.FlushedPhyOffset >= result.WroteOffset + result.WroteBytes));
    }

    [Fact]
    public async Task Wait_false_is_answered_without_waiting_for_the_disk()
    {
        using var gate = new ManualResetEventSlim(false);
        var services = new MessageStoreServices { BeforeCommitLogFlush = () => gate.Wait(TimeSpan.FromSeconds(10)) };
        await using var t = new TestStore(o => o with { FlushDiskType = FlushDiskType.SYNC_FLUSH });
        var store = await t.StartAsync(services);
        var msg = TestStore.Message("T", 0, "nowait");
        msg.WaitStoreMsgOk = false;

        var result = await store.PutMessageAsync(msg, CancellationToken.None);

        Assert.Equal(PutMessageStatus.PUT_OK, result.Status);
        gate.Set();
    }

    [Fact]
    public async Task Sync_master_without_a_slave_answers_slave_not_available()
    {
        await using var t = new TestStore(o => o with { BrokerRole = BrokerRole.SYNC_MASTER });
        var store = await t.StartAsync();

        var result = await store.PutMessageAsync(TestStore.Message("T", 0, "x"), CancellationToken.None);

        Assert.Equal(PutMessageStatus.SLAVE_NOT_AVAILABLE, result.Status);
    }
}
