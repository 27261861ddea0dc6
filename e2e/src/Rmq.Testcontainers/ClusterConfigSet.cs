using Rmq.Configuration;

namespace Rmq.Testcontainers;

/// <summary>
/// The broker files of a preset, as `rmq conf new &lt;mode&gt; --hosts ip,ip,... --namesrv ns:9876 [--flush ...]` writes
/// them (one host per broker, so each broker keeps RocketMQ's listenPort 10911 and its own brokerIP1), with the
/// cluster's extra properties set on top. 2m-noslave's broker-trace (a Master for message-trace data, not one of the
/// deployment guide's brokers) is left out.
/// </summary>
internal static class ClusterConfigSet
{
    public const string TraceBroker = "broker-trace";

    /// <summary>The scaffolder's mode for a preset.</summary>
    public static DeploymentMode ModeOf(RmqClusterPreset preset) => preset switch
    {
        RmqClusterPreset.Single => DeploymentMode.Single,
        RmqClusterPreset.TwoMasterNoSlave => DeploymentMode.MultiMasterNoSlave,
        RmqClusterPreset.TwoMasterTwoSlaveAsync => DeploymentMode.MultiMasterSlaveAsync,
        RmqClusterPreset.TwoMasterTwoSlaveSync => DeploymentMode.MultiMasterSlaveSync,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown preset"),
    };

    /// <summary>The set's files, in the order the scaffolder gives hosts (Masters first, then Slaves), broker-trace dropped.</summary>
    /// <param name="hostFor">The address of the i-th broker in that order.</param>
    public static IReadOnlyList<GeneratedFile> Generate(RmqClusterConfiguration configuration, string namesrvAddress, Func<int, string> hostFor)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(hostFor);
        var mode = ModeOf(configuration.Preset);

        // one host per file of the set (broker-trace included, so no two brokers share a host and a port)
        var fileCount = ClusterConfigScaffolder.Generate(new ScaffoldOptions(mode)).Count;
        var options = new ScaffoldOptions(mode)
        {
            Hosts = Enumerable.Range(0, fileCount).Select(hostFor).ToList(),
            NamesrvAddr = namesrvAddress,
            FlushDiskType = configuration.FlushDiskType,
        };
        var files = ClusterConfigScaffolder.Generate(options)
            .Where(f => JavaProperties.Parse(f.Content)["brokerName"] != TraceBroker)
            .Select(f => f with { Content = WithProperties(f.Content, configuration.BrokerProperties) })
            .ToList();

        // Masters first, then Slaves: the order containers start in and the order of the hosts
        return files.OrderBy(f => JavaProperties.Parse(f.Content)["brokerId"] == "0" ? 0 : 1).ToList();
    }

    private static string WithProperties(string content, IReadOnlyDictionary<string, string> properties)
    {
        var document = PropertiesDocument.Parse(content);
        foreach (var (key, value) in properties)
        {
            document.SetValue(key, value);
        }

        return document.ToString();
    }
}
