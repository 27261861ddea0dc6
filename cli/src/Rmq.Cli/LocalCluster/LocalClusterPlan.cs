namespace Rmq.Cli.LocalCluster;

/// <summary>What `rmq cluster up` starts: a name server and every broker of a config set, on 127.0.0.1.</summary>
public sealed record LocalClusterPlan(string DataDir, int NamesrvPort, IReadOnlyList<LocalBrokerSpec> Brokers)
{
    public string NamesrvAddress => $"127.0.0.1:{NamesrvPort}";

    public string LogDir => Path.Combine(DataDir, "logs");

    public string StatePath => Path.Combine(DataDir, "cluster.json");
}
