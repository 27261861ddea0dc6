namespace Rmq.Testcontainers;

/// <summary>What <see cref="RmqClusterBuilder"/> collected: the mode, the image and the settings every broker gets.</summary>
/// <param name="Preset">The deployment mode, i.e. the `rmq conf new` set the brokers run.</param>
/// <param name="Image">The rmq image (never pulled).</param>
/// <param name="FlushDiskType">flushDiskType of every broker, null for the set's (ASYNC_FLUSH).</param>
/// <param name="BrokerProperties">Lines set in every broker's file after the generated ones (same key: replaced).</param>
/// <param name="StartupTimeout">How long <see cref="RmqCluster.StartAsync"/> waits for the cluster to be ready.</param>
public sealed record RmqClusterConfiguration(
    RmqClusterPreset Preset,
    string Image,
    string? FlushDiskType,
    IReadOnlyDictionary<string, string> BrokerProperties,
    TimeSpan StartupTimeout)
{
    public static RmqClusterConfiguration Default { get; } = new(
        RmqClusterPreset.Single, RmqImage.Default, null, new Dictionary<string, string>(StringComparer.Ordinal), TimeSpan.FromSeconds(90));
}
