namespace Rmq.Testcontainers;

/// <summary>
/// Builds an <see cref="RmqCluster"/>: a name server and the brokers of one deployment mode of RocketMQ's broker
/// deployment guide, each broker running the file `rmq conf new &lt;mode&gt;` writes for it, on a network of their own.
/// <code>
/// await using var cluster = new RmqClusterBuilder().WithPreset(RmqClusterPreset.TwoMasterTwoSlaveSync).Build();
/// await cluster.StartAsync();
/// var namesrv = cluster.NameServerAddress;
/// </code>
/// Defaults are RocketMQ's; tests may shorten intervals with <see cref="WithBrokerProperty"/>.
/// </summary>
public sealed class RmqClusterBuilder
{
    private readonly RmqClusterConfiguration _configuration;

    public RmqClusterBuilder()
        : this(RmqClusterConfiguration.Default)
    {
    }

    private RmqClusterBuilder(RmqClusterConfiguration configuration) => _configuration = configuration;

    /// <summary>The deployment mode (default <see cref="RmqClusterPreset.Single"/>).</summary>
    public RmqClusterBuilder WithPreset(RmqClusterPreset preset) =>
        Enum.IsDefined(preset) ? new(_configuration with { Preset = preset }) : throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown preset");

    /// <summary>The image (default rmq/rmq:local, built by e2e/docker/build-image.sh).</summary>
    public RmqClusterBuilder WithImage(string image)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        return new(_configuration with { Image = image });
    }

    /// <summary>flushDiskType of every broker: ASYNC_FLUSH (the sets' default) or SYNC_FLUSH (`rmq conf new --flush`).</summary>
    public RmqClusterBuilder WithFlushDiskType(string flushDiskType) =>
        flushDiskType is "ASYNC_FLUSH" or "SYNC_FLUSH"
            ? new(_configuration with { FlushDiskType = flushDiskType })
            : throw new ArgumentException($"flushDiskType must be ASYNC_FLUSH or SYNC_FLUSH, not '{flushDiskType}'", nameof(flushDiskType));

    /// <summary>Sets <paramref name="key"/> in every broker's file (RocketMQ key names, e.g. slaveReadEnable=true).</summary>
    public RmqClusterBuilder WithBrokerProperty(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key is "brokerName" or "brokerId" or "brokerRole" or "brokerIP1" or "namesrvAddr" or "listenPort")
        {
            throw new ArgumentException($"{key} is set by the preset and the cluster's network", nameof(key));
        }

        var properties = new Dictionary<string, string>(_configuration.BrokerProperties, StringComparer.Ordinal) { [key] = value };
        return new(_configuration with { BrokerProperties = properties });
    }

    /// <summary>How long <see cref="RmqCluster.StartAsync"/> waits for readiness (default 90 s).</summary>
    public RmqClusterBuilder WithStartupTimeout(TimeSpan timeout) =>
        timeout > TimeSpan.Zero ? new(_configuration with { StartupTimeout = timeout }) : throw new ArgumentOutOfRangeException(nameof(timeout));

    public RmqCluster Build() => new(_configuration);
}
