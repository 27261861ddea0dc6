using System.Text;

namespace Rmq.Store.Tests;

public sealed class GetMessageTests
{
    private static async Task<List<PutMessageResult>> PutAsync(MessageStore store, string topic, int queueId, int count, Func<int, string?>? tags = null)
    {
        var results = new List<PutMessageResult>();
        for (var i = 0; i < count; i++)
        {
            var r = await store.PutMessageAsync(TestStore.Message(topic, queueId, $"m{i}", tags: tags?.Invoke(i)), CancellationToken.None);
            Assert.Equal(PutMessageStatus.PUT_OK, r.Status);
            results.Add(r);
        }

        await Poll.DispatchedAsync(store);
        return results;
    }

    [Fact]
    public async Task Statuses_for_unknown_empty_overflow_and_found_queues_carry_the_spec_next_offsets()
    {
        await using var t = new TestStore();
        Directory.CreateDirectory(Path.Combine(t.Root, "consumequeue", "Empty", "0"));
        var store = await t.StartAsync();
        await PutAsync(store, "T", 0, 10);

        var unknown = store.GetMessage("g", "Nope", 0, 5, 32);
        Assert.Equal((GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 0L), (unknown.Status, unknown.NextBeginOffset));

        var empty = store.GetMessage("g", "Empty", 0, 3, 32);
        Assert.Equal((GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0L), (empty.Status, empty.NextBeginOffset));

        var one = store.GetMessage("g", "T", 0, 10, 32);
        Assert.Equal((GetMessageStatus.OFFSET_OVERFLOW_ONE, 10L, 0L, 10L), (one.Status, one.NextBeginOffset, one.MinOffset, one.MaxOffset));

        var badly = store.GetMessage("g", "T", 0, 15, 32);
        Assert.Equal((GetMessageStatus.OFFSET_OVERFLOW_BADLY, 10L), (badly.Status, badly.NextBeginOffset));

        var found = store.GetMessage("g", "T", 0, 4, 3);
        Assert.Equal((GetMessageStatus.FOUND, 7L, 3), (found.Status, found.NextBeginOffset, found.MessageCount));
        Assert.Equal(["m4", "m5", "m6"], StoredMessage.DecodeAll(found.Body.Span).Select(m => Encoding.UTF8.GetString(m.Body)));
        Assert.False(found.SuggestPullingFromSlave);
    }

    [Fact]
    public async Task Slave_without_offset_check_does_not_correct_next_offsets()
    {
        await using var t = new TestStore(o => o with { BrokerRole = BrokerRole.SLAVE });
        var store = await t.StartAsync();

        var r = store.GetMessage("g", "Nope", 0, 5, 32);

        Assert.Equal((GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 5L), (r.Status, r.NextBeginOffset));
        Assert.Equal(PutMessageStatus.SERVICE_NOT_AVAILABLE, (await store.PutMessageAsync(TestStore.Message("T", 0, "x"), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Tag_filter_returns_matching_messages_and_no_matched_message_with_next_past_the_scan()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        await PutAsync(store, "T", 0, 12, i => i % 3 == 0 ? "A" : "B");

        var a = store.GetMessage("g", "T", 0, 0, 32, TagsCodeFilter.FromExpression("A"));
        Assert.Equal(GetMessageStatus.FOUND, a.Status);
        Assert.Equal([0L, 3, 6, 9], a.QueueOffsets);
        Assert.All(StoredMessage.DecodeAll(a.Body.Span), m => Assert.Equal("A", m.Tags));
        Assert.Equal(12, a.NextBeginOffset);

        var both = store.GetMessage("g", "T", 0, 0, 32, TagsCodeFilter.FromExpression("A || B"));
        Assert.Equal(12, both.MessageCount);

        var none = store.GetMessage("g", "T", 0, 2, 32, TagsCodeFilter.FromExpression("C"));
        Assert.Equal((GetMessageStatus.NO_MATCHED_MESSAGE, 12L), (none.Status, none.NextBeginOffset));
    }

    [Fact]
    public async Task Deleted_commit_log_gives_message_was_removing_then_offset_too_small_after_cq_cleanup()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096, FileReservedTime = 0 });
        var store = await t.StartAsync();
        await PutAsync(store, "T", 0, 250);
        Assert.True(Directory.GetFiles(t.CommitLogDir).Length > 4);

        Assert.True(store.DeleteExpiredFilesNow() > 0);
        Assert.Single(Directory.GetFiles(t.CommitLogDir));

        // Units 0..99 (the first CQ file) all point into deleted commit-log files.
        var removing = store.GetMessage("g", "T", 0, 0, 32);
        Assert.Equal((GetMessageStatus.MESSAGE_WAS_REMOVING, 100L), (removing.Status, removing.NextBeginOffset));

        store.CleanExpiredConsumeQueues();
        var min = store.GetMinOffsetInQueue("T", 0);
        Assert.True(min > 100);
        Assert.Equal(store.MinPhyOffset, store.GetCommitLogOffsetInQueue("T", 0, min));
        var tooSmall = store.GetMessage("g", "T", 0, 0, 32);
        Assert.Equal((GetMessageStatus.OFFSET_TOO_SMALL, min, min), (tooSmall.Status, tooSmall.NextBeginOffset, tooSmall.MinOffset));
        Assert.Equal(GetMessageStatus.FOUND, store.GetMessage("g", "T", 0, min, 32).Status);
    }

    [Fact]
    public async Task Missing_consume_queue_file_gives_offset_found_null_with_next_file_start()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        await PutAsync(store, "T", 0, 250);
        await t.StopAsync();
        File.Delete(Path.Combine(t.Root, "consumequeue", "T", "0", "00000000000000002000"));
        store = await t.StartAsync();

        var r = store.GetMessage("g", "T", 0, 150, 32);

        Assert.Equal((GetMessageStatus.OFFSET_FOUND_NULL, 200L), (r.Status, r.NextBeginOffset));
        Assert.Equal(GetMessageStatus.FOUND, store.GetMessage("g", "T", 0, 200, 32).Status);
    }

    [Fact]
    public async Task Cold_data_uses_disk_limits_and_suggests_pulling_from_slave()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync(new MessageStoreServices { TotalPhysicalMemoryBytes = 1000 });
        await PutAsync(store, "T", 0, 40);

        var cold = store.GetMessage("g", "T", 0, 0, 32);
        Assert.Equal(8, cold.MessageCount);
        Assert.True(cold.SuggestPullingFromSlave);

        var hot = store.GetMessage("g", "T", 0, 38, 32);
        Assert.Equal(2, hot.MessageCount);
        Assert.False(hot.SuggestPullingFromSlave);
    }

    [Fact]
    public async Task Memory_limits_cap_a_pull_at_32_messages_and_256_KiB()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 1024 * 1024 });
        var store = await t.StartAsync();
        await PutAsync(store, "T", 0, 40);
        Assert.Equal(32, store.GetMessage("g", "T", 0, 0, 64).MessageCount);

        var big = new string('z', 100 * 1024);
        for (var i = 0; i < 4; i++)
        {
            await store.PutMessageAsync(TestStore.Message("Big", 0, big), CancellationToken.None);
        }

        await Poll.DispatchedAsync(store);
        Assert.Equal(2, store.GetMessage("g", "Big", 0, 0, 32).MessageCount);
    }

    [Fact]
    public async Task Offset_by_timestamp_finds_the_nearest_store_time()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var t = new TestStore();
        var store = await t.StartAsync(new MessageStoreServices { TimeProvider = clock });
        var baseTime = clock.Now.ToUnixTimeMilliseconds();
        foreach (var delta in new[] { 1000, 2000, 3000, 3000, 5000 })
        {
            clock.Now = DateTimeOffset.FromUnixTimeMilliseconds(baseTime + delta);
            await store.PutMessageAsync(TestStore.Message("T", 0, "x"), CancellationToken.None);
        }

        await Poll.DispatchedAsync(store);
        Assert.Equal(0, store.GetOffsetInQueueByTime("T", 0, baseTime));
        Assert.Equal(1, store.GetOffsetInQueueByTime("T", 0, baseTime + 2400));
        Assert.Equal(1, store.GetOffsetInQueueByTime("T", 0, baseTime + 2500));
        Assert.Equal(2, store.GetOffsetInQueueByTime("T", 0, baseTime + 2600));
        Assert.Equal(2, store.GetOffsetInQueueByTime("T", 0, baseTime + 3000));
        Assert.Equal(4, store.GetOffsetInQueueByTime("T", 0, baseTime + 9000));
        Assert.Equal(baseTime + 1000, store.GetEarliestMessageTime("T", 0));
        Assert.Equal(baseTime + 5000, store.GetMessageStoreTimeStamp("T", 0, 4));
        Assert.Equal(-1, store.GetMessageStoreTimeStamp("T", 0, 5));
    }
}
