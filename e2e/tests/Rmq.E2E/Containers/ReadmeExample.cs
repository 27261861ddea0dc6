using Rmq.Testcontainers;

namespace Rmq.E2E.Containers;

/// <summary>
/// The README's Testcontainers example, compiled with the tests so it stays true (not run: every line of it runs in
/// the scenarios). Keep the two equal.
/// </summary>
public static class ReadmeExample
{
    public static async Task RunAsync()
    {
        await using var cluster = new RmqClusterBuilder()
            .WithPreset(RmqClusterPreset.TwoMasterTwoSlaveSync)   // or Single, TwoMasterNoSlave, TwoMasterTwoSlaveAsync
            .WithBrokerProperty("slaveReadEnable", "true")          // any RocketMQ key, in every broker's file
            .Build();
        await cluster.StartAsync();                      // network, name server, Masters, Slaves: ready at the protocol level
        await cluster.CreateTopicAsync("Orders");        // on every Master; waits until every Slave copied it
        var namesrv = cluster.NameServerAddress;         // "10.213.x.2:9876": give it to any RocketMQ client on the host

        var master = cluster.Master("broker-a");
        await master.KillAsync();                        // SIGKILL; also StopAsync (SIGTERM) and StartAsync,
        await master.StartAsync();                       // PauseAsync/UnpauseAsync, DisconnectAsync/ReconnectAsync
        await cluster.WaitUntilReadyAsync();
        var clusterList = await cluster.ExecRmqAsync(["admin", "clusterList", "-n", namesrv]);   // the rmq tool, inside the cluster
        Console.WriteLine(clusterList.Stdout);
    }
}
