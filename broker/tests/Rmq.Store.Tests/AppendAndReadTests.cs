using System.Text;

namespace Rmq.Store.Tests;

public sealed class AppendAndReadTests
{
    [Fact]
    public async Task Messages_across_file_boundaries_read_back_by_queue_offset_key_msgId_and_uniq_key()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096 });
        var store = await t.StartAsync();
        var results = new List<PutMessageResult>();
        for (var i = 0; i < 200; i++)
        {
            var msg = TestStore.Message("TopicA", i % 3, $"body-{i}-" + new string('x', i % 50), tags: i % 2 == 0 ? "even" : "odd", keys: $"k{i} order-{i / 10}", uniqKey: $"UNIQ{i:D6}");
            var r = await store.PutMessageAsync(msg, CancellationToken.None);
            Assert.Equal(PutMessageStatus.PUT_OK, r.Status);
            Assert.Equal(i / 3, r.LogicsOffset);
            results.Add(r);
        }

        Assert.True(Directory.GetFiles(t.CommitLogDir).Length > 3);
        await Poll.DispatchedAsync(store);

        for (var q = 0; q < 3; q++)
        {
            var expected = Enumerable.Range(0, 200).Where(i => i % 3 == q).ToList();
            Assert.Equal(expected.Count, store.GetMaxOffsetInQueue("TopicA", q));
            var got = new List<StoredMessage>();
            long offset = 0;
            while (offset < expected.Count)
            {
                var r = store.GetMessage("g", "TopicA", q, offset, 32);
                Assert.Equal(GetMessageStatus.FOUND, r.Status);
                got.AddRange(StoredMessage.DecodeAll(r.Body.Span));
                offset = r.NextBeginOffset;
            }

            Assert.Equal(expected.Select(i => $"body-{i}-" + new string('x', i % 50)), got.Select(m => Encoding.UTF8.GetString(m.Body)));
            Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => (long)i), got.Select(m => m.QueueOffset));
        }

        Assert.Null(store.LookMessageByOffset(results[5].WroteOffset + 3)); // not a record start
        Assert.Null(store.LookMessageByOffset(store.MaxPhyOffset + 100));
        Assert.Null(store.LookMessageByMsgId("not-an-id"));
        var byId = store.LookMessageByMsgId(results[123].MsgId!)!;
        Assert.Equal("UNIQ000123", byId.UniqKey);

        var byKey = store.QueryMessage("TopicA", "k77", 32, 0, long.MaxValue);
        Assert.Equal("body-77-" + new string('x', 27), Encoding.UTF8.GetString(Assert.Single(byKey.Messages).Body));
        Assert.Equal(byKey.Messages[0].StoreSize, byKey.Body.Length);

        var byOrder = store.QueryMessage("TopicA", "order-5", 32, 0, long.MaxValue);
        Assert.Equal(Enumerable.Range(50, 10).Select(i => $"UNIQ{i:D6}").Order(), byOrder.Messages.Select(m => m.UniqKey!).Order());

        var byUniq = store.QueryMessageByUniqKey("TopicA", "UNIQ000199")!;
        Assert.Equal(results[199].WroteOffset, byUniq.CommitLogOffset);
        Assert.Null(store.QueryMessageByUniqKey("TopicB", "UNIQ000199"));
    }

    [Fact]
    public async Task Batch_append_writes_consecutive_records_with_consecutive_queue_offsets()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        await store.PutMessageAsync(TestStore.Message("TB", 1, "first"), CancellationToken.None);
        var batch = Enumerable.Range(0, 5).Select(i => TestStore.Message("TB", 1, $"batch-{i}", keys: $"bk{i}")).ToList();

        var result = await store.PutMessagesAsync(batch, CancellationToken.None);

        Assert.Equal(PutMessageStatus.PUT_OK, result.Status);
        Assert.Equal(1, result.LogicsOffset);
        Assert.Equal(5, result.MessageCount);
        var ids = result.MsgId!.Split(',');
        Assert.Equal(5, ids.Length);
        await Poll.DispatchedAsync(store);
        Assert.Equal(6, store.GetMaxOffsetInQueue("TB", 1));
        var r = store.GetMessage("g", "TB", 1, 1, 32);
        var messages = StoredMessage.DecodeAll(r.Body.Span);
        Assert.Equal(["batch-0", "batch-1", "batch-2", "batch-3", "batch-4"], messages.Select(m => Encoding.UTF8.GetString(m.Body)));
        Assert.Equal([1L, 2, 3, 4, 5], messages.Select(m => m.QueueOffset));
        Assert.Equal(result.WroteBytes, messages.Sum(m => m.StoreSize));
        Assert.Equal(messages.Select(m => m.MsgId), ids);
        Assert.Single(store.QueryMessage("TB", "bk3", 32, 0, long.MaxValue).Messages);

        var mixed = new[] { TestStore.Message("TB", 1, "a"), TestStore.Message("TB", 2, "b") };
        Assert.Equal(PutMessageStatus.MESSAGE_ILLEGAL, (await store.PutMessagesAsync(mixed, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Prepared_and_rollback_records_are_stored_but_not_dispatched()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        var prepared = TestStore.Message("TX", 0, "half", keys: "pk");
        prepared.SysFlag = MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        var commit = TestStore.Message("TX", 0, "commit");
        commit.SysFlag = MessageSysFlag.TRANSACTION_COMMIT_TYPE;

        var p = await store.PutMessageAsync(prepared, CancellationToken.None);
        var c = await store.PutMessageAsync(commit, CancellationToken.None);

        Assert.Equal(0, p.LogicsOffset);
        Assert.Equal(0, c.LogicsOffset);
        await Poll.DispatchedAsync(store);
        Assert.Equal(1, store.GetMaxOffsetInQueue("TX", 0));
        Assert.Equal(c.WroteOffset, store.GetCommitLogOffsetInQueue("TX", 0, 0));
        Assert.Equal("half", Encoding.UTF8.GetString(store.LookMessageByOffset(p.WroteOffset)!.Body));
        Assert.Single(store.QueryMessage("TX", "pk", 32, 0, long.MaxValue).Messages);
    }

    [Fact]
    public async Task Arrival_listener_is_told_of_each_dispatched_message()
    {
        var listener = new RecordingListener();
        await using var t = new TestStore();
        var store = await t.StartAsync(new MessageStoreServices { ArrivingListener = listener });

        await store.PutMessageAsync(TestStore.Message("TL", 2, "a", tags: "x"), CancellationToken.None);
        await store.PutMessageAsync(TestStore.Message("TL", 2, "b"), CancellationToken.None);

        Assert.True(await Poll.UntilAsync(() => listener.Count == 2));
        Assert.Equal(("TL", 2, 1L), listener.Last);
    }

    [Fact]
    public async Task Schedule_topic_units_carry_the_delivery_time_as_tags_code()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        var msg = TestStore.Message(MessageProperties.ScheduleTopic, 2, "later");
        msg.PropertiesString = "DELAY\u00013\u0002REAL_TOPIC\u0001T\u0002REAL_QID\u00010";

        var r = await store.PutMessageAsync(msg, CancellationToken.None);

        await Poll.DispatchedAsync(store);
        var due = store.GetMessage("g", MessageProperties.ScheduleTopic, 2, 0, 1, TagsCodeFilter.FromCodes([r.StoreTimestamp + 10_000]));
        Assert.Equal(GetMessageStatus.FOUND, due.Status); // level 3 = 10 s
    }

    [Fact]
    public async Task With_the_index_disabled_queries_find_nothing_and_no_index_file_is_made()
    {
        await using var t = new TestStore(o => o with { MessageIndexEnable = false });
        var store = await t.StartAsync();

        await store.PutMessageAsync(TestStore.Message("T", 0, "x", keys: "k"), CancellationToken.None);

        await Poll.DispatchedAsync(store);
        Assert.Empty(store.QueryMessage("T", "k", 32, 0, long.MaxValue).Messages);
        Assert.Equal(1, store.GetMaxOffsetInQueue("T", 0));
        Assert.False(Directory.Exists(Path.Combine(t.Root, "index")) && Directory.EnumerateFiles(Path.Combine(t.Root, "index")).Any());
    }

    private sealed class RecordingListener : IMessageArrivingListener
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public (string Topic, int QueueId, long Offset) Last { get; private set; }

        public void Arriving(string topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp)
        {
            Last = (topic, queueId, logicOffset);
            Interlocked.Increment(ref _count);
        }
    }
}
