using Rmq.E2E.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.E2E.Processes;

public class NameServerProcessTests
{
    [Fact]
    public async Task Rmq_namesrv_serves_and_stops_cleanly_on_SIGTERM()
    {
        // Given a running rmq namesrv process
        await using var server = await NameServerProcess.StartAsync();

        // When it receives SIGTERM
        var exitCode = await server.Process.StopAsync(TimeSpan.FromSeconds(20));

        // Then it exits 0 and its port is free again
        Assert.Equal(0, exitCode);
        Assert.True(FreePort.IsFree(server.Port), $"port {server.Port} still bound after stop");
    }

    [Fact]
    public async Task Rmq_namesrv_writes_its_log_file_under_the_log_directory()
    {
        using var dir = new TempDir();
        var port = FreePort.Next();
        var config = dir.File("ns.properties");
        await File.WriteAllTextAsync(config, $"listenPort={port}\nkvConfigPath={dir.File("kv.json")}\nconfigStorePath={dir.File("ns-rt.properties")}\n");
        await using var rmq = RmqProcess.Start(dir.File("logs"), "namesrv", "-c", config, "--bind", "127.0.0.1");
        await using var client = new RemotingClient(new RemotingClientOptions());
        Assert.True(await Eventually.TrueAsync(
            async () => (await client.InvokeAsync($"127.0.0.1:{port}", RemotingCommand.CreateRequest(RequestCode.GetAllTopicListFromNameServer), TimeSpan.FromSeconds(2))).Code == ResponseCode.Success,
            TimeSpan.FromSeconds(30)));

        Assert.Equal(0, await rmq.StopAsync(TimeSpan.FromSeconds(20)));

        var logs = Directory.GetFiles(dir.File("logs"), "namesrv*.log");
        Assert.Single(logs);
        Assert.True(new FileInfo(logs[0]).Length > 0);
    }

    [Fact]
    public async Task Rmq_namesrv_refuses_to_start_with_a_bad_config_listing_every_problem()
    {
        using var dir = new TempDir();
        var config = dir.File("bad.properties");
        await File.WriteAllTextAsync(config, "listenPort=abc\norderMessageEnable=yes\n");

        var rmq = await RmqProcess.RunAsync(dir.File("logs"), TimeSpan.FromSeconds(30), "namesrv", "-c", config);
        await using var _ = rmq;

        Assert.NotEqual(0, rmq.ExitCode);
        Assert.Contains("listenPort", rmq.StandardError, StringComparison.Ordinal);
        Assert.Contains("orderMessageEnable", rmq.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rmq_namesrv_refuses_a_missing_config_file()
    {
        using var dir = new TempDir();

        var rmq = await RmqProcess.RunAsync(dir.File("logs"), TimeSpan.FromSeconds(30), "namesrv", "-c", dir.File("missing.properties"));
        await using var _ = rmq;

        Assert.Equal(2, rmq.ExitCode);
        Assert.Contains("config file not found", rmq.StandardError, StringComparison.Ordinal);
    }
}
