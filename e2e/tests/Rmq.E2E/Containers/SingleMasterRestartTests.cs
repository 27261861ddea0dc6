using Rmq.E2E.Support;
using Rmq.Testcontainers;
using Xunit.Abstractions;

namespace Rmq.E2E.Containers;

/// <summary>
/// The deployment guide on a single Master: simple, but "once the broker restarts or goes down, the whole service is
/// unavailable"; with SYNC_FLUSH a restart loses nothing that was acknowledged.
/// </summary>
[Collection(ContainerScenarios.Name)]
public class SingleMasterRestartTests(ITestOutputHelper output)
{
    private const string Topic = "SingleMasterRestart";

    [Fact]
    public async Task While_the_only_master_restarts_sends_fail_then_service_resumes_with_no_acknowledged_message_lost()
    {
        // Given a single Master with SYNC_FLUSH and a producer sending throughout
        await using var cluster = new RmqClusterBuilder().WithPreset(RmqClusterPreset.Single).WithFlushDiskType("SYNC_FLUSH").Build();
        await cluster.StartAsync();
        await cluster.CreateTopicAsync(Topic);
        var broker = cluster.Master("broker-a");
        await using var sends = await SendLoop.StartAsync(ClusterClients.Producer(cluster.NameServerAddress, "single-restart"), Topic, "single", maxCount: 5000, maxDuration: TimeSpan.FromSeconds(120));
        Assert.True(await sends.WaitForAsync(s => s.Acknowledged.Count >= 200, TimeSpan.FromSeconds(30)), "no steady sending before the restart: " + sends.Summary());

        // When the broker goes down (SIGKILL: no shutdown, nothing flushed on the way out)
        await broker.KillAsync();
        var acknowledgedBeforeRestart = sends.Acknowledged.Count;

        // Then sends fail while it is down
        Assert.True(await sends.WaitForAsync(s => s.Failed.Count >= 3, TimeSpan.FromSeconds(30)), "no send failed while the only broker was down: " + sends.Summary());

        // When it starts again on the same store
        await broker.StartAsync();
        await cluster.WaitUntilReadyAsync();
        var failedWhileDown = sends.Failed.Count;

        // Then service resumes
        Assert.True(await sends.WaitForAsync(s => s.Acknowledged.Count >= acknowledgedBeforeRestart + 200, TimeSpan.FromSeconds(60)), "sends did not resume after the restart: " + sends.Summary());
        await sends.StopAsync();
        output.WriteLine($"{sends.Summary()}; {failedWhileDown} failed while the broker was down");

        // and every message acknowledged before, during or after the restart is still there
        var stored = await TopicReader.ReadAllAsync(cluster.NameServerAddress, Topic);
        var missing = sends.Acknowledged.Keys.Where(b => !stored.Contains(b)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {sends.Acknowledged.Count} acknowledged messages lost across the restart, e.g. {string.Join(", ", missing.Take(5))}");
    }
}
