using Rmq.Client.Admin;
using Rmq.E2E.Support;
using Rmq.Testcontainers;
using Xunit.Abstractions;

namespace Rmq.E2E.Containers;

/// <summary>
/// The deployment guide's graceful restart of a Master: take away its write permission (mqadmin wipeWritePerm; here
/// `rmq admin drainBroker`, which wipes it and waits, by evidence, until producers have moved away), stop it, start it,
/// give the permission back (addWritePerm) — and no send fails, even for a producer that never retries.
/// </summary>
[Collection(ContainerScenarios.Name)]
public class GracefulRestartTests(ITestOutputHelper output)
{
    private const string Topic = "GracefulRestart";

    [Fact]
    public async Task A_drained_master_restarts_without_a_single_failed_send()
    {
        // Given two Masters and a producer without retries (one failed attempt is one failed send) sending throughout
        await using var cluster = new RmqClusterBuilder().WithPreset(RmqClusterPreset.TwoMasterNoSlave).Build();
        await cluster.StartAsync();
        await cluster.CreateTopicAsync(Topic);
        var brokerA = cluster.Master("broker-a");
        await using var sends = await SendLoop.StartAsync(ClusterClients.Producer(cluster.NameServerAddress, "graceful-producer", retryTimesWhenSendFailed: 0),
            Topic, "graceful", maxCount: 5000, maxDuration: TimeSpan.FromSeconds(150), pause: TimeSpan.FromMilliseconds(20));
        Assert.True(await sends.WaitForAsync(s => OnA(s) >= 20, TimeSpan.FromSeconds(30)), "broker-a took no writes: " + sends.Summary());

        // When broker-a is drained with the rmq CLI inside the cluster (write permission wiped on the name server, then
        // quiet for the grace period after a route refresh of the clients)
        var drain = await cluster.ExecRmqAsync(["admin", "drainBroker", "-b", "broker-a", "-n", cluster.NameServerAddress, "--route-refresh", "3s", "--grace", "2s", "--timeout", "60s"]);
        output.WriteLine($"rmq admin drainBroker exit {drain.ExitCode}:\n{drain.Stdout}{drain.Stderr}");
        Assert.Equal(0, drain.ExitCode);
        var onAAtDrain = OnA(sends);

        // and stopped (SIGTERM: it unregisters and exits cleanly), started again, and given its write permission back
        await brokerA.StopAsync();
        Assert.Equal(0, await brokerA.GetExitCodeAsync());
        Assert.Equal(onAAtDrain, OnA(sends));
        await brokerA.StartAsync();
        await cluster.WaitUntilReadyAsync();
        await using (var admin = new AdminClient(cluster.NameServerAddress))
        {
            var (added, _) = await new BrokerDrainer(admin).UndrainAsync("broker-a");
            Assert.All(added, a => Assert.True(a.Succeeded, "addWritePerm failed on a name server"));
        }

        // Then broker-a takes writes again, and not one send failed from start to end
        Assert.True(await sends.WaitForAsync(s => OnA(s) >= onAAtDrain + 20, TimeSpan.FromSeconds(30)), "broker-a took no writes after its restart: " + sends.Summary());
        await sends.StopAsync();
        output.WriteLine($"{sends.Summary()}; broker-a acknowledged {onAAtDrain} before the drain ended, {OnA(sends) - onAAtDrain} after the restart");
        Assert.True(sends.Failed.IsEmpty && sends.NotOk.IsEmpty, "sends failed during the graceful restart: " + sends.Summary());
    }

    private static int OnA(SendLoop sends) => sends.Acknowledged.Count(m => m.Value == "broker-a");
}
