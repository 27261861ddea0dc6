namespace Rmq.Cli.LocalCluster;

/// <summary>One broker of a local cluster: its config file and who it is.</summary>
public sealed record LocalBrokerSpec(string ConfigPath, string BrokerName, long BrokerId, string Role, int ListenPort)
{
    /// <summary>A file-name-like label: broker-a, broker-a-s, ...</summary>
    public string Label => Path.GetFileNameWithoutExtension(ConfigPath);

    public string Address => $"127.0.0.1:{ListenPort}";

    /// <summary>RocketMQ 4.x: the HA port is always listenPort + 1.</summary>
    public string HaAddress => $"127.0.0.1:{ListenPort + 1}";
}
