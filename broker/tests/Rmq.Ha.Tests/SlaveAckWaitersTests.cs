namespace Rmq.Ha.Tests;

public sealed class SlaveAckWaitersTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_ack_completes_exactly_the_waiters_it_covers()
    {
        var waiters = new SlaveAckWaiters(TimeProvider.System);
        var a = waiters.WaitAsync(100, Long);
        var b = waiters.WaitAsync(200, Long);
        var c = waiters.WaitAsync(300, Long);

        Assert.True(waiters.Ack(200));

        Assert.True(await a);
        Assert.True(await b);
        Assert.False(c.IsCompleted);
        Assert.False(waiters.Ack(150));
        Assert.Equal(200, waiters.AckedOffset);
        Assert.True(waiters.WaitAsync(180, Long).IsCompletedSuccessfully);
        waiters.FailAll();
        Assert.False(await c);
    }

    [Fact]
    public async Task A_waiter_not_acked_in_time_completes_false()
    {
        var waiters = new SlaveAckWaiters(TimeProvider.System);

        var acked = await waiters.WaitAsync(100, TimeSpan.FromMilliseconds(50)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(acked);
        Assert.False(waiters.Ack(0));
        Assert.True(waiters.Ack(100));
        Assert.Equal(0, waiters.PendingCount);
    }

    [Fact]
    public void Options_default_to_RocketMQ_values()
    {
        var o = new HaOptions();

        Assert.Equal(10912, o.HaListenPort);
        Assert.Equal(5000, o.HaSendHeartbeatInterval);
        Assert.Equal(20_000, o.HaHousekeepingInterval);
        Assert.Equal(32 * 1024, o.HaTransferBatchSize);
        Assert.Equal(268_435_456, o.HaSlaveFallbehindMax);
        Assert.Equal(3000, o.SlaveTimeout);
        Assert.Equal(5000, o.HaReconnectInterval);
        Assert.Null(o.HaMasterAddress);
        Assert.False(o.HasFixedMasterAddress);
        Assert.False((o with { HaMasterAddress = "a:1" }).HasFixedMasterAddress);
        Assert.True((o with { HaMasterAddress = "10.0.0.1:10912" }).HasFixedMasterAddress);
    }
}
