using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>
/// The answer to GET_ROUTEINFO_BY_TOPIC (codes.md §3.2). Write it with <see cref="FjFormat.Legacy"/>
/// for clients below version 401 (unquoted brokerAddrs keys) and <see cref="FjFormat.Standard"/> otherwise.
/// </summary>
public sealed class TopicRouteData : IJsonBody<TopicRouteData>
{
    public string? OrderTopicConf { get; set; }

    public List<QueueData> QueueDatas { get; init; } = [];

    public List<BrokerData> BrokerDatas { get; init; } = [];

    public Dictionary<string, List<string>> FilterServerTable { get; init; } = new(StringComparer.Ordinal);

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("brokerDatas");
        writer.WriteStartArray();
        foreach (var broker in BrokerDatas)
        {
            broker.WriteJson(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("filterServerTable");
        writer.WriteStartObject();
        foreach (var (address, servers) in FilterServerTable.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteStringArray(address, servers);
        }

        writer.WriteEndObject();
        writer.WriteString("orderTopicConf", OrderTopicConf);
        writer.WritePropertyName("queueDatas");
        writer.WriteStartArray();
        foreach (var queue in QueueDatas)
        {
            queue.WriteJson(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static TopicRouteData ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(TopicRouteData));
        var route = new TopicRouteData { OrderTopicConf = json.GetString("orderTopicConf") };
        foreach (var item in json.GetArray("queueDatas") ?? [])
        {
            route.QueueDatas.Add(QueueData.ReadJson(item));
        }

        foreach (var item in json.GetArray("brokerDatas") ?? [])
        {
            route.BrokerDatas.Add(BrokerData.ReadJson(item));
        }

        if (json.GetObject("filterServerTable") is { } filters)
        {
            foreach (var (key, value) in filters)
            {
                route.FilterServerTable[key.GetString() ?? string.Empty] = value.AsArray()?.ToStringList() ?? [];
            }
        }

        return route;
    }
}
