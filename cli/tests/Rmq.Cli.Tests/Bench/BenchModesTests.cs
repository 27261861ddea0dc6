using Rmq.Cli.Bench;
using Rmq.Configuration;
using Xunit;

namespace Rmq.Cli.Tests.Bench;

public sealed class BenchModesTests
{
    [Fact]
    public void Median_is_the_middle_run_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(20, Median.Of([30, 10, 20]));
        Assert.Equal(25, Median.Of([40, 10, 20, 30]));
        Assert.True(double.IsNaN(Median.Of([])));
    }

    [Fact]
    public void A_pair_reports_medians_per_mode_and_the_candidate_over_baseline_ratio()
    {
        ModeRunResult Run(string mode, int round, double rate, long failed = 0) => new(mode, round, (long)rate * 10, failed, 10, rate, 1, 2);
        var baseline = ModeMedians.From("ASYNC_MASTER", [Run("ASYNC_MASTER", 1, 10_000), Run("ASYNC_MASTER", 2, 12_000), Run("ASYNC_MASTER", 3, 30_000)]);
        var candidate = ModeMedians.From("SYNC_MASTER", [Run("SYNC_MASTER", 1, 9_000, failed: 2), Run("SYNC_MASTER", 2, 10_800), Run("SYNC_MASTER", 3, 1_000, failed: 5)]);

        var pair = new ModePairReport("master", baseline, candidate);

        Assert.Equal(12_000, pair.Baseline.MessagesPerSecond);
        Assert.Equal(9_000, pair.Candidate.MessagesPerSecond);
        Assert.Equal(0.75, pair.ThroughputRatio);
        Assert.Equal(7, pair.Candidate.Failed);
        Assert.Equal(3, pair.Candidate.Runs);
    }

    [Fact]
    public void The_modes_are_one_master_with_a_slave_only_for_the_master_pair_and_the_flush_type_of_each()
    {
        var syncFlush = BenchModeVariant.SyncFlush.ScaffoldOptions("127.0.0.1:1", "/tmp/x");
        var syncMaster = BenchModeVariant.SyncMaster.ScaffoldOptions("127.0.0.1:1", "/tmp/x");

        Assert.Equal(DeploymentMode.Single, syncFlush.Mode);
        Assert.Equal("SYNC_FLUSH", syncFlush.FlushDiskType);
        Assert.Null(syncFlush.SlavesPerMaster);
        Assert.Equal(DeploymentMode.MultiMasterSlaveSync, syncMaster.Mode);
        Assert.Equal(1, syncMaster.Masters);
        Assert.Equal(1, syncMaster.SlavesPerMaster);
        Assert.Equal("ASYNC_FLUSH", syncMaster.FlushDiskType);
        Assert.Equal(BenchModeVariant.AsyncMaster, BenchModePair.Master.Baseline);
        Assert.Equal(BenchModeVariant.SyncFlush, BenchModePair.Flush.Candidate);
    }

    [Theory]
    [InlineData("--duration", "soon")]
    [InlineData("--rounds", "0")]
    [InlineData("-w", "0")]
    public async Task Bad_arguments_exit_2_before_starting_anything(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RmqApp.RunAsync(["bench", "modes", option, value], new CliConsole(output, error), CancellationToken.None);

        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Contains("bench modes:", error.ToString(), StringComparison.Ordinal);
    }
}
