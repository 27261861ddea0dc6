using System.Net;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;

namespace Rmq.Client.Tests;

/// <summary>The orderly half of ProcessQueue: dispatch once, take in offset order, commit, put back.</summary>
public sealed class ProcessQueueOrderlyTests
{
    private static MessageExt At(long offset) => new()
    {
        Topic = "T",
        Body = [1, 2, 3],
        QueueOffset = offset,
        BornHost = new IPEndPoint(IPAddress.Loopback, 1),
        StoreHost = new IPEndPoint(IPAddress.Loopback, 2),
        OffsetMsgId = offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void Pulled_messages_dispatch_a_consume_request_only_when_none_is_running()
    {
        var pq = new ProcessQueue();
        Assert.True(pq.PutMessages([At(0), At(1)]));
        Assert.False(pq.PutMessages([At(2)]));
        Assert.Equal([0L, 1L], pq.TakeMessages(2).Select(m => m.QueueOffset));
        Assert.Equal([2L], pq.TakeMessages(2).Select(m => m.QueueOffset));
        Assert.Empty(pq.TakeMessages(2));
        Assert.True(pq.PutMessages([At(3)]));
    }

    [Fact]
    public void Commit_returns_one_past_the_last_taken_offset_and_suspended_messages_come_back_first()
    {
        var pq = new ProcessQueue();
        pq.PutMessages([At(5), At(6), At(7)]);
        var taken = pq.TakeMessages(2);
        Assert.Equal(3, pq.MessageCount);
        pq.MakeMessagesToConsumeAgain(taken);
        Assert.Equal([5L, 6L], pq.TakeMessages(2).Select(m => m.QueueOffset));
        Assert.Equal(7, pq.Commit());
        Assert.Equal(1, pq.MessageCount);
        Assert.Equal(-1, pq.Commit());
        Assert.Equal(3, pq.MessageSize);
    }

    [Fact]
    public void The_lock_expires_when_not_renewed_within_the_max_live_time()
    {
        var pq = new ProcessQueue { LastLockTimestamp = 1_000 };
        Assert.False(pq.IsLockExpired(31_000, TimeSpan.FromSeconds(30)));
        Assert.True(pq.IsLockExpired(31_001, TimeSpan.FromSeconds(30)));
    }
}
