using Rmq.Testcontainers;

namespace Rmq.E2E.Containers;

/// <summary>The module refuses settings that cannot work before any container exists (no Docker needed).</summary>
public class BuilderValidationTests
{
    [Theory]
    [InlineData("brokerName")]
    [InlineData("brokerId")]
    [InlineData("brokerRole")]
    [InlineData("brokerIP1")]
    [InlineData("namesrvAddr")]
    [InlineData("listenPort")]
    public void A_cluster_refuses_to_override_what_the_preset_and_its_network_decide(string key) =>
        Assert.Throws<ArgumentException>(() => new RmqClusterBuilder().WithBrokerProperty(key, "x"));

    [Fact]
    public void A_cluster_refuses_an_unknown_flush_type_or_preset()
    {
        Assert.Throws<ArgumentException>(() => new RmqClusterBuilder().WithFlushDiskType("SYNC_FLUSH "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RmqClusterBuilder().WithPreset((RmqClusterPreset)42));
    }

    [Fact]
    public void A_cluster_builder_keeps_earlier_builders_unchanged()
    {
        var plain = new RmqClusterBuilder();
        var tuned = plain.WithPreset(RmqClusterPreset.TwoMasterTwoSlaveSync).WithBrokerProperty("slaveReadEnable", "true");
        Assert.Equal(RmqClusterPreset.Single, plain.Build().Configuration.Preset);
        Assert.Empty(plain.Build().Configuration.BrokerProperties);
        Assert.Equal(RmqClusterPreset.TwoMasterTwoSlaveSync, tuned.Build().Configuration.Preset);
        Assert.Equal("true", tuned.Build().Configuration.BrokerProperties["slaveReadEnable"]);
    }

    [Fact]
    public void A_broker_without_its_properties_is_refused() =>
        Assert.Throws<ArgumentException>(() => new RmqBrokerBuilder().Build());
}
