using Rmq.Cli.LocalCluster;
using Rmq.Configuration;

namespace Rmq.Cli.Tests.Cluster;

public sealed class LocalClusterPlannerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rmq-plan-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void A_2m_2s_sync_plan_puts_four_brokers_on_one_host_without_port_or_store_collisions()
    {
        var plan = LocalClusterPlanner.FromMode(DeploymentMode.MultiMasterSlaveSync, _dir, namesrvPort: 19876, basePort: 20911);

        Assert.Equal(4, plan.Brokers.Count);
        // masters first, so their slaves find them registered
        Assert.Equal([0L, 0L, 1L, 1L], plan.Brokers.Select(b => b.BrokerId));
        Assert.Equal([20911, 20921, 20931, 20941], plan.Brokers.Select(b => b.ListenPort));
        Assert.Equal(["broker-a", "broker-b", "broker-a", "broker-b"], plan.Brokers.Select(b => b.BrokerName));

        // and the files it wrote validate as one cluster on one host
        var report = ClusterConfigValidator.Validate([Path.Combine(_dir, "conf")]);
        Assert.False(report.HasErrors, string.Join("\n", report.Problems));
        foreach (var broker in plan.Brokers)
        {
            var properties = JavaProperties.Load(broker.ConfigPath);
            Assert.Equal("127.0.0.1:19876", properties["namesrvAddr"]);
            Assert.Equal("127.0.0.1", properties["brokerIP1"]);
            Assert.StartsWith(Path.Combine(_dir, "store"), properties["storePathRootDir"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_conf_folder_is_copied_and_made_fit_for_one_host()
    {
        var source = Path.Combine(_dir, "src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "broker-a.properties"), "brokerClusterName=C\nbrokerName=broker-a\nbrokerId=0\nbrokerRole=ASYNC_MASTER\n");
        File.WriteAllText(Path.Combine(source, "broker-a-s.properties"), "brokerClusterName=C\nbrokerName=broker-a\nbrokerId=1\nbrokerRole=SLAVE\n");

        var plan = LocalClusterPlanner.FromConfFolder(source, Path.Combine(_dir, "data"), 19876, 30911);

        Assert.Equal(["broker-a", "broker-a-s"], plan.Brokers.Select(b => b.Label));
        Assert.Equal([30911, 30921], plan.Brokers.Select(b => b.ListenPort));
        Assert.Equal("brokerId=0", File.ReadAllLines(Path.Combine(source, "broker-a.properties"))[2]); // source untouched
        Assert.Equal("30921", JavaProperties.Load(plan.Brokers[1].ConfigPath)["listenPort"]);
    }
}
