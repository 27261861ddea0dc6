using Rmq.E2E.Support;

namespace Rmq.E2E.Processes;

public class BrokerProcessTests
{
    [Fact]
    public async Task Rmq_broker_registers_writes_its_log_and_stops_cleanly_on_SIGTERM()
    {
        // Given a name server and a broker
        await using var nameServer = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(nameServer);

        // When the broker receives SIGTERM
        var exitCode = await broker.Process.StopAsync(TimeSpan.FromSeconds(30));

        // Then it exits 0, frees its port, leaves no abort file and wrote its log
        Assert.Equal(0, exitCode);
        Assert.True(FreePort.IsFree(broker.Port));
        Assert.False(File.Exists(Path.Combine(broker.StoreDir, "abort")));
        Assert.True(File.Exists(Path.Combine(broker.StoreDir, "config", "topics.json")));
        var logs = Directory.GetFiles(broker.LogDir, "broker*.log");
        Assert.Single(logs);
        Assert.True(new FileInfo(logs[0]).Length > 0);
    }

    [Fact]
    public async Task Rmq_broker_refuses_a_bad_config_listing_every_problem()
    {
        using var dir = new TempDir();
        var config = dir.File("bad.conf");
        await File.WriteAllTextAsync(config, "brokerRole=SLAVE\nlistenPort=abc\nflushDiskType=SOMETIMES\nnoSuchKey=1\n");

        await using var rmq = await RmqProcess.RunAsync(dir.File("logs"), TimeSpan.FromSeconds(30), "broker", "-c", config);

        Assert.NotEqual(0, rmq.ExitCode);
        Assert.Contains("listenPort", rmq.StandardError, StringComparison.Ordinal);
        Assert.Contains("flushDiskType", rmq.StandardError, StringComparison.Ordinal);
        Assert.Contains("brokerId", rmq.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rmq_broker_refuses_a_missing_config_file_and_an_unwritable_store()
    {
        using var dir = new TempDir();
        await using var missing = await RmqProcess.RunAsync(dir.File("logs"), TimeSpan.FromSeconds(30), "broker", "-c", dir.File("nope.conf"));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("nope.conf", missing.StandardError, StringComparison.Ordinal);

        var blocker = dir.File("a-file");
        await File.WriteAllTextAsync(blocker, "x");
        var config = dir.File("b.conf");
        await File.WriteAllTextAsync(config, $"storePathRootDir={Path.Combine(blocker, "store")}\n");
        await using var unwritable = await RmqProcess.RunAsync(dir.File("logs"), TimeSpan.FromSeconds(30), "broker", "-c", config);
        Assert.NotEqual(0, unwritable.ExitCode);
        Assert.Contains("storePathRootDir", unwritable.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rmq_broker_prints_its_config_with_p_and_the_important_items_with_m()
    {
        using var dir = new TempDir();
        var config = dir.File("b.conf");
        await File.WriteAllTextAsync(config, "brokerName=printed\n");

        await using var all = await RmqProcess.RunAsync(dir.File("logs"), TimeSpan.FromSeconds(30), "broker", "-c", config, "-p");
        await using var important = await RmqProcess.RunAsync(dir.File("logs"), TimeSpan.FromSeconds(30), "broker", "-c", config, "-m");

        Assert.Equal(0, all.ExitCode);
        Assert.Contains("brokerName=printed", all.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("maxTransferCountOnMessageInDisk=", all.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, important.ExitCode);
        Assert.Contains("brokerName=printed", important.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("maxTransferCountOnMessageInDisk=", important.StandardOutput, StringComparison.Ordinal);
    }
}
