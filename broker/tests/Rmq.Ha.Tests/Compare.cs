using Rmq.Store;

namespace Rmq.Ha.Tests;

internal static class Compare
{
    /// <summary>Asserts both commit logs hold the same bytes in [from, master max).</summary>
    public static void CommitLogsIdentical(MessageStore master, MessageStore slave, long from)
    {
        Assert.Equal(master.MaxPhyOffset, slave.MaxPhyOffset);
        var offset = from;
        while (offset < master.MaxPhyOffset)
        {
            using var m = master.GetCommitLogData(offset);
            using var s = slave.GetCommitLogData(offset);
            Assert.NotNull(m);
            Assert.NotNull(s);
            var n = Math.Min(m.Size, s.Size);
            Assert.True(n > 0, $"no data at {offset}");
            Assert.True(m.Span[..n].SequenceEqual(s.Span[..n]), $"commit logs differ in [{offset}, {offset + n})");
            offset += n;
        }
    }

    /// <summary>Asserts every queue of the topic answers pulls identically on both stores, once both dispatched everything.</summary>
    public static async Task QueuesIdenticalAsync(MessageStore master, MessageStore slave, string topic, int queues)
    {
        await Poll.AssertAsync(() => master.DispatchedPhyOffset >= master.MaxPhyOffset, "master dispatch did not catch up");
        await DispatchedAsync(slave);
        for (var q = 0; q < queues; q++)
        {
            Assert.Equal(master.GetMaxOffsetInQueue(topic, q), slave.GetMaxOffsetInQueue(topic, q));
            var offset = slave.GetMinOffsetInQueue(topic, q);
            while (offset < master.GetMaxOffsetInQueue(topic, q))
            {
                var a = master.GetMessage("g", topic, q, offset, 32);
                var b = slave.GetMessage("g", topic, q, offset, 32);
                Assert.Equal(a.Status, b.Status);
                Assert.Equal(GetMessageStatus.FOUND, b.Status);
                Assert.Equal(a.NextBeginOffset, b.NextBeginOffset);
                Assert.True(a.Body.Span.SequenceEqual(b.Body.Span), $"queue {q} differs at {offset}");
                offset = b.NextBeginOffset;
            }
        }
    }

    public static Task DispatchedAsync(MessageStore store)
        => Poll.AssertAsync(() => store.DispatchedPhyOffset >= store.MaxPhyOffset, "dispatch did not catch up");
}
