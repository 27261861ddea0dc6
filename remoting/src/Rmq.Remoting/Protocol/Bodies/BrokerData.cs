using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>
/// One broker name's addresses by broker id (0 = master), in a route or the cluster info.
/// <c>brokerAddrs</c> keys are written unquoted in the legacy form (Q1): the Go client parses them from the raw text.
/// </summary>
public sealed class BrokerData : IJsonBody<BrokerData>
{
    public const long MasterId = 0;

    public string? Cluster { get; set; }

    public required string BrokerName { get; init; }

    public SortedDictionary<long, string> BrokerAddrs { get; init; } = [];

    /// <summary>The master's address (id 0), or null.</summary>
    public string? MasterAddr => BrokerAddrs.GetValueOrDefault(MasterId);

    /// <summary>A deep copy (the route table hands out copies).</summary>
    public BrokerData Clone() => new()
    {
        Cluster = Cluster,
        BrokerName = BrokerName,
        BrokerAddrs = new SortedDictionary<long, string>(BrokerAddrs),
    };

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("brokerAddrs");
        writer.WriteStartObject();
        foreach (var (id, address) in BrokerAddrs)
        {
            writer.WriteNumericKey(id);
            writer.WriteString(address);
        }

        writer.WriteEndObject();
        writer.WriteString("brokerName", BrokerName);
        writer.WriteString("cluster", Cluster);
        writer.WriteEndObject();
    }

    public static BrokerData ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(BrokerData));
        var data = new BrokerData
        {
            Cluster = json.GetString("cluster"),
            BrokerName = json.GetString("brokerName") ?? string.Empty,
        };
        if (json.GetObject("brokerAddrs") is { } addresses)
        {
            foreach (var (key, value) in addresses)
            {
                if (value.GetString() is { } address)
                {
                    data.BrokerAddrs[key.GetInt64()] = address;
                }
            }
        }

        return data;
    }
}
