using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>The answer to GET_BROKER_CLUSTER_INFO (codes.md §3.3); always written in the legacy form.</summary>
public sealed class ClusterInfo : IJsonBody<ClusterInfo>
{
    public Dictionary<string, BrokerData> BrokerAddrTable { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, SortedSet<string>> ClusterAddrTable { get; init; } = new(StringComparer.Ordinal);

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("brokerAddrTable");
        writer.WriteStartObject();
        foreach (var (name, broker) in BrokerAddrTable.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            broker.WriteJson(writer);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("clusterAddrTable");
        writer.WriteStartObject();
        foreach (var (cluster, names) in ClusterAddrTable.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteStringArray(cluster, names);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static ClusterInfo ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(ClusterInfo));
        var info = new ClusterInfo();
        if (json.GetObject("brokerAddrTable") is { } brokers)
        {
            foreach (var (key, value) in brokers)
            {
                info.BrokerAddrTable[key.GetString() ?? string.Empty] = BrokerData.ReadJson(value);
            }
        }

        if (json.GetObject("clusterAddrTable") is { } clusters)
        {
            foreach (var (key, value) in clusters)
            {
                info.ClusterAddrTable[key.GetString() ?? string.Empty] = new SortedSet<string>(value.AsArray()?.ToStringList() ?? [], StringComparer.Ordinal);
            }
        }

        return info;
    }
}
