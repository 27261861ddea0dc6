using Rmq.Cli.Bench;
using Xunit;

namespace Rmq.Cli.Tests.Bench;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Nearest_rank_percentiles_of_one_to_a_thousand()
    {
        var h = new LatencyHistogram();
        foreach (var v in Enumerable.Range(1, 1000).Reverse())
        {
            h.Record(v);
        }

        Assert.Equal(1000, h.Count);
        Assert.Equal(500, h.Percentile(50));
        Assert.Equal(990, h.Percentile(99));
        Assert.Equal(999, h.Percentile(99.9));
        Assert.Equal(1000, h.Percentile(100));
        Assert.Equal(1, h.Min);
        Assert.Equal(1000, h.Max);
        Assert.Equal(500.5, h.Mean);
    }

    [Fact]
    public void Skewed_samples_put_the_tail_in_p99_and_p999()
    {
        var h = new LatencyHistogram();
        for (var i = 0; i < 990; i++)
        {
            h.Record(100);
        }

        for (var i = 0; i < 9; i++)
        {
            h.Record(5_000);
        }

        h.Record(1_000_000);
        Assert.Equal(100, h.Percentile(50));
        Assert.Equal(100, h.Percentile(99));
        Assert.InRange(h.Percentile(99.9), 5_000, 5_000 * 1.002);
        Assert.Equal(1_000_000, h.Percentile(100));
    }

    [Theory]
    [InlineData(1023L)]
    [InlineData(1024L)]
    [InlineData(123_456L)]
    [InlineData(987_654_321L)]
    [InlineData(long.MaxValue / 4)]
    public void Large_values_keep_a_relative_error_below_two_per_mille(long value)
    {
        var h = new LatencyHistogram();
        h.Record(value);
        h.Record(value);
        var p = h.Percentile(50);
        Assert.True(p <= value && p >= value * 0.998 || value > (1L << 50), $"{p} vs {value}");
        Assert.True(LatencyHistogram.HighestEquivalent(LatencyHistogram.IndexOf(value)) >= value || value > (1L << 50));
    }

    [Fact]
    public void Empty_histogram_reports_zero() => Assert.Equal(0, new LatencyHistogram().Percentile(99));

    [Fact]
    public void Concurrent_recording_counts_every_sample()
    {
        var h = new LatencyHistogram();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                h.Record(i % 2000);
            }
        });
        Assert.Equal(80_000, h.Count);
        Assert.Equal(1999, h.Max);
        Assert.True(h.Percentile(50) <= h.Percentile(99) && h.Percentile(99) <= h.Percentile(99.9));
    }
}
