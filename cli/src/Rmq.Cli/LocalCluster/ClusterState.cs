using System.Text.Json;

namespace Rmq.Cli.LocalCluster;

/// <summary>cluster.json in the data directory: who runs the cluster, so `rmq cluster down` can stop it by PID.</summary>
public sealed record ClusterState(int SupervisorPid, string NamesrvAddress, int NamesrvPid, IReadOnlyList<ClusterStateBroker> Brokers)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static ClusterState? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ClusterState>(File.ReadAllText(path), Json) : null;
}

public sealed record ClusterStateBroker(string Label, string BrokerName, long BrokerId, string Address, int Pid);
