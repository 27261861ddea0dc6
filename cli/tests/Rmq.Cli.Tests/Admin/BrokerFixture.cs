namespace Rmq.Cli.Tests.Admin;

/// <summary>One name server and one master (broker-a of AdminCluster) shared by a test class; tests use their own topics and groups.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    internal AdminCluster Cluster { get; private set; } = null!;

    public string Namesrv => Cluster.NameServerList;

    public string BrokerAddr => Cluster.BrokerAddress("broker-a");

    public async Task InitializeAsync() => Cluster = await AdminCluster.StartAsync(brokers: 1, registerPeriod: TimeSpan.FromSeconds(1));

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
