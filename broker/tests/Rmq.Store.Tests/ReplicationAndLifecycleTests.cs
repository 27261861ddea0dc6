using System.Text;

namespace Rmq.Store.Tests;

public sealed class ReplicationAndLifecycleTests
{
    [Fact]
    public async Task Slave_appends_raw_master_bytes_at_identical_offsets_and_serves_them()
    {
        await using var master = new TestStore(o => o with { MappedFileSizeCommitLog = 4096 });
        await using var slave = new TestStore(o => o with { MappedFileSizeCommitLog = 4096, BrokerRole = BrokerRole.SLAVE });
        var m = await master.StartAsync();
        var s = await slave.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            await m.PutMessageAsync(TestStore.Message("T", i % 2, $"r{i}", keys: $"rk{i}"), CancellationToken.None);
        }

        // What HA does: ship [offset, bytes] from the master's commit log, in chunks of at most one file.
        while (s.MaxPhyOffset < m.MaxPhyOffset)
        {
            using var data = m.GetCommitLogData(s.MaxPhyOffset)!;
            var chunk = data.Span[..Math.Min(data.Size, 1000)];
            Assert.True(s.AppendRawData(data.StartOffset, chunk));
        }

        Assert.False(s.AppendRawData(s.MaxPhyOffset + 1, "x"u8));
        await Poll.DispatchedAsync(s);
        Assert.Equal(m.MaxPhyOffset, s.MaxPhyOffset);
        Assert.Equal(50, s.GetMaxOffsetInQueue("T", 1));
        var pulled = StoredMessage.DecodeAll(s.GetMessage("g", "T", 1, 10, 2).Body.Span);
        Assert.Equal(["r21", "r23"], pulled.Select(p => Encoding.UTF8.GetString(p.Body)));
        Assert.Single(s.QueryMessage("T", "rk99", 32, 0, long.MaxValue).Messages);
        RecoveryTests.AssertQueuesAgreeWithCommitLog(s, "T", 2);

        await slave.StopAsync();
        s = await slave.StartAsync();
        Assert.Equal(m.MaxPhyOffset, s.MaxPhyOffset);
    }

    [Fact]
    public async Task An_empty_slave_joins_at_the_start_of_the_masters_last_file()
    {
        await using var master = new TestStore(o => o with { MappedFileSizeCommitLog = 4096 });
        await using var slave = new TestStore(o => o with { MappedFileSizeCommitLog = 4096, BrokerRole = BrokerRole.SLAVE });
        var m = await master.StartAsync();
        var s = await slave.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            await m.PutMessageAsync(TestStore.Message("T", 0, $"r{i}"), CancellationToken.None);
        }

        var start = m.MaxPhyOffset - (m.MaxPhyOffset % 4096);
        using (var data = m.GetCommitLogData(start)!)
        {
            Assert.True(s.AppendRawData(start, data.Span));
        }

        await Poll.DispatchedAsync(s);
        Assert.Equal(m.MaxPhyOffset, s.MaxPhyOffset);
        Assert.Equal(start, s.MinPhyOffset);
        Assert.Equal(100, s.GetMaxOffsetInQueue("T", 0));
        Assert.Equal(GetMessageStatus.FOUND, s.GetMessage("g", "T", 0, 99, 1).Status);
    }

    [Fact]
    public async Task A_second_store_on_the_same_directory_is_refused_by_the_lock_file()
    {
        await using var t = new TestStore();
        await t.StartAsync();
        var second = new MessageStore(t.Options);

        await Assert.ThrowsAsync<IOException>(() => second.StartAsync(CancellationToken.None));
        await second.DisposeAsync();
    }

    [Fact]
    public async Task A_stopped_store_answers_service_not_available()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        await store.DisposeAsync();

        var r = await store.PutMessageAsync(TestStore.Message("T", 0, "late"), CancellationToken.None);

        Assert.Equal(PutMessageStatus.SERVICE_NOT_AVAILABLE, r.Status);
    }

    [Fact]
    public async Task Stopping_during_concurrent_appends_loses_no_acknowledged_message()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        using var started = new SemaphoreSlim(0);
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var acked = new List<PutMessageResult>();
            // Bounded (a few thousand messages, a few 64 KiB files): the stop must land while they are still writing.
            for (var i = 0; i < 20_000 && !enough.IsCancellationRequested; i++)
            {
                var r = await store.PutMessageAsync(TestStore.Message("T", w, $"w{w}-{i}"), CancellationToken.None);
                if (r.Status != PutMessageStatus.PUT_OK)
                {
                    Assert.Equal(PutMessageStatus.SERVICE_NOT_AVAILABLE, r.Status);
                    return acked;
                }

                acked.Add(r);
                if (i == 100)
                {
                    started.Release();
                }
            }

            return acked;
        })).ToList();
        for (var i = 0; i < writers.Count; i++)
        {
            Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        await t.StopAsync();
        var acks = (await Task.WhenAll(writers)).SelectMany(a => a).ToList();
        store = await t.StartAsync();

        Assert.False(store.RecoveredFromCrash);
        Assert.All(acks, a => Assert.NotNull(store.LookMessageByOffset(a.WroteOffset)));
        for (var q = 0; q < 4; q++)
        {
            Assert.Equal(acks.Count(a => StoredMessage.Decode(store.GetMessageRecord(a.WroteOffset)!).QueueId == q), store.GetMaxOffsetInQueue("T", q));
        }
    }
}
