using Rmq.Broker.Stats;

namespace Rmq.Broker.Tests;

/// <summary>The counting done on every send and pull allocates nothing once a topic's and group's items exist.</summary>
public sealed class StatsCountingAllocationTests
{
    [Fact]
    public void Counting_puts_and_gets_allocates_nothing_after_the_first_call_per_key()
    {
        var items = new BrokerStatsManager("TestCluster", TimeProvider.System);
        var store = new StoreStatsService();
        var topic = "AllocT";
        var group = "AllocG";
        void Count(int times)
        {
            for (var i = 0; i < times; i++)
            {
                items.OnPut(topic, 1, 100);
                store.OnPut(1, 100, i % 20);
                items.OnGet(group, topic, 32, 3200);
                store.OnGet(i % 2 == 0 ? 32 : 0, 0);
            }
        }

        Count(10_000); // creates the items, lets the JIT settle
        var before = GC.GetAllocatedBytesForCurrentThread();
        Count(100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1024, $"{allocated} bytes for 100,000 puts and gets");
        Assert.Equal(110_000, items.Find(StatsNames.TopicPutNums, topic)!.Value);
        Assert.Equal(110_000, store.PutMessageTimesTotal);
    }

    [Fact]
    public void Java_double_format_matches_Double_toString()
    {
        Assert.Equal("0.0", JavaDouble.ToString(0));
        Assert.Equal("12.5", JavaDouble.ToString(12.5));
        Assert.Equal("1000.0", JavaDouble.ToString(1000));
        Assert.Equal("1.0E-4", JavaDouble.ToString(0.0001));
        Assert.Equal("1.2345678E7", JavaDouble.ToString(12345678));
        Assert.Equal("1.0E7", JavaDouble.ToString(1e7));
        Assert.Equal("512 B", JavaByteCount.ToString(512));
        Assert.Equal("1.5 KiB", JavaByteCount.ToString(1536));
    }

    [Fact]
    public void Put_latency_percentiles_interpolate_inside_RocketMQs_buckets_over_the_last_minute()
    {
        var percentiles = new PutLatencyPercentiles();
        for (var i = 0; i < 1000; i++)
        {
            percentiles.Record(i < 990 ? 0 : 30);
        }

        Assert.Equal(0, percentiles.Percentile(0.99));
        percentiles.Roll();

        Assert.InRange(percentiles.Percentile(0.5), 0, 1);
        Assert.InRange(percentiles.Percentile(0.999), 28, 30);
    }

    [Fact]
    public void Rates_use_the_10_60_and_600_second_windows_and_the_oldest_sample_while_younger()
    {
        var rate = new RateSampler();
        for (var second = 0; second <= 20; second++)
        {
            rate.Sample(second * 1000L, second * 100L);
        }

        Assert.Equal(100.0, rate.Tps(10));
        Assert.Equal(100.0, rate.Tps(600));
        Assert.Equal("100.0 100.0 100.0", rate.Describe());
    }
}
