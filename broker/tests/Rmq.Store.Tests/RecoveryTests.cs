using System.Text;

namespace Rmq.Store.Tests;

public sealed class RecoveryTests
{
    [Fact]
    public async Task Clean_restart_keeps_offsets_counters_and_checkpoint()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096 });
        var store = await t.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            await store.PutMessageAsync(TestStore.Message("T", i % 4, $"m{i}", keys: $"k{i}"), CancellationToken.None);
        }

        await Poll.DispatchedAsync(store);
        var maxPhy = store.MaxPhyOffset;
        var lastTime = store.LookMessageByOffset(store.GetCommitLogOffsetInQueue("T", 3, 24))?.StoreTimestamp;
        await t.StopAsync();
        Assert.False(File.Exists(Path.Combine(t.Root, "abort")));

        store = await t.StartAsync();

        Assert.False(store.RecoveredFromCrash);
        Assert.Equal(maxPhy, store.MaxPhyOffset);
        Assert.Equal(maxPhy, store.FlushedPhyOffset);
        Assert.True(File.Exists(Path.Combine(t.Root, "abort")));
        for (var q = 0; q < 4; q++)
        {
            Assert.Equal(25, store.GetMaxOffsetInQueue("T", q));
        }

        Assert.Equal(lastTime, store.Checkpoint.PhysicMsgTimestamp);
        Assert.Equal(lastTime, store.Checkpoint.LogicsMsgTimestamp);
        Assert.Equal(lastTime, store.Checkpoint.IndexMsgTimestamp);
        var next = await store.PutMessageAsync(TestStore.Message("T", 2, "after"), CancellationToken.None);
        Assert.Equal(25, next.LogicsOffset);
        Assert.Equal(maxPhy, next.WroteOffset);
        Assert.Single(store.QueryMessage("T", "k50", 32, 0, long.MaxValue).Messages);
    }

    public static TheoryData<int> CutPoints => [1, 4, 8, 20, 60, 90, -1];

    [Theory]
    [MemberData(nameof(CutPoints))]
    public async Task Crash_with_a_torn_last_record_drops_it_and_keeps_everything_before(int cutInsideLastRecord)
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096 });
        var store = await t.StartAsync();
        var results = new List<PutMessageResult>();
        for (var i = 0; i < 60; i++)
        {
            results.Add(await store.PutMessageAsync(TestStore.Message("T", i % 2, $"message-{i}", keys: $"k{i}"), CancellationToken.None));
        }

        await Poll.DispatchedAsync(store);
        await t.StopAsync();
        File.WriteAllBytes(Path.Combine(t.Root, "abort"), []); // the stop becomes a crash

        var last = results[^1];
        var path = Path.Combine(t.CommitLogDir, MappedFileName(last.WroteOffset - (last.WroteOffset % 4096)));
        var cut = (int)(last.WroteOffset % 4096);
        if (cutInsideLastRecord < 0)
        {
            // Flip one body byte: the CRC no longer matches.
            using var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            fs.Position = cut + 90; // inside the body (which starts at 88)
            var b = fs.ReadByte();
            fs.Position -= 1;
            fs.WriteByte((byte)(b ^ 0xFF));
        }
        else
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            fs.SetLength(cut + cutInsideLastRecord);
        }

        store = await t.StartAsync();

        Assert.True(store.RecoveredFromCrash);
        Assert.Equal(last.WroteOffset, store.MaxPhyOffset);
        Assert.Null(store.LookMessageByOffset(last.WroteOffset));
        for (var i = 0; i < 59; i++)
        {
            Assert.Equal($"message-{i}", Encoding.UTF8.GetString(store.LookMessageByOffset(results[i].WroteOffset)!.Body));
        }

        Assert.Equal(30, store.GetMaxOffsetInQueue("T", 0));
        Assert.Equal(29, store.GetMaxOffsetInQueue("T", 1)); // message 59 (queue 1) was torn
        AssertQueuesAgreeWithCommitLog(store, "T", 2);
        Assert.Empty(store.QueryMessage("T", "k59", 32, 0, long.MaxValue).Messages);

        var again = await store.PutMessageAsync(TestStore.Message("T", 1, "message-59-again"), CancellationToken.None);
        Assert.Equal(last.WroteOffset, again.WroteOffset);
        Assert.Equal(29, again.LogicsOffset);
        await Poll.DispatchedAsync(store);
        Assert.Equal("message-59-again", Encoding.UTF8.GetString(StoredMessage.DecodeAll(store.GetMessage("g", "T", 1, 29, 1).Body.Span)[0].Body));

        await t.StopAsync();
        store = await t.StartAsync();
        Assert.Equal(again.WroteOffset + again.WroteBytes, store.MaxPhyOffset);
    }

    [Fact]
    public async Task Consume_queue_units_beyond_the_commit_log_end_are_truncated_and_rebuilt()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await store.PutMessageAsync(TestStore.Message("T", 0, $"m{i}"), CancellationToken.None);
        }

        await Poll.DispatchedAsync(store);
        var cut = store.GetCommitLogOffsetInQueue("T", 0, 6);
        Assert.True(cut > 0);
        await t.StopAsync();
        File.WriteAllBytes(Path.Combine(t.Root, "abort"), []);
        using (var fs = new FileStream(Path.Combine(t.CommitLogDir, MappedFileName(0)), FileMode.Open, FileAccess.ReadWrite))
        {
            fs.SetLength(cut + 3);
        }

        store = await t.StartAsync();

        Assert.Equal(6, store.GetMaxOffsetInQueue("T", 0));
        AssertQueuesAgreeWithCommitLog(store, "T", 1);
    }

    [Fact]
    public async Task Deleted_consume_queues_are_rebuilt_from_the_commit_log()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096 });
        var store = await t.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            await store.PutMessageAsync(TestStore.Message("T", i % 3, $"m{i}", tags: "t"), CancellationToken.None);
        }

        await t.StopAsync();
        Directory.Delete(Path.Combine(t.Root, "consumequeue"), recursive: true);
        File.WriteAllBytes(Path.Combine(t.Root, "abort"), []);

        store = await t.StartAsync();

        Assert.Equal(34, store.GetMaxOffsetInQueue("T", 0));
        Assert.Equal(33, store.GetMaxOffsetInQueue("T", 2));
        AssertQueuesAgreeWithCommitLog(store, "T", 3);
        Assert.Equal(33, (await store.PutMessageAsync(TestStore.Message("T", 1, "next"), CancellationToken.None)).LogicsOffset);
    }

    internal static void AssertQueuesAgreeWithCommitLog(MessageStore store, string topic, int queues)
    {
        for (var q = 0; q < queues; q++)
        {
            var max = store.GetMaxOffsetInQueue(topic, q);
            for (var offset = store.GetMinOffsetInQueue(topic, q); offset < max; offset++)
            {
                var phy = store.GetCommitLogOffsetInQueue(topic, q, offset);
                Assert.True(phy >= 0 && phy < store.MaxPhyOffset, $"unit {q}/{offset} points at {phy}");
                var msg = store.LookMessageByOffset(phy);
                Assert.NotNull(msg);
                Assert.Equal((topic, q, offset), (msg.Topic, msg.QueueId, msg.QueueOffset));
            }
        }
    }

    private static string MappedFileName(long offset) => offset.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
}
