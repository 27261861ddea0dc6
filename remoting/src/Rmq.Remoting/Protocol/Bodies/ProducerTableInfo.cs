using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>GET_ALL_PRODUCER_INFO (328) answer: <c>{"data":{group:[ProducerInfo]}}</c>.</summary>
public sealed class ProducerTableInfo : IJsonBody<ProducerTableInfo>
{
    public SortedDictionary<string, List<ProducerInfo>> Data { get; init; } = new(StringComparer.Ordinal);

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("data");
        writer.WriteStartObject();
        foreach (var (group, producers) in Data)
        {
            writer.WritePropertyName(group);
            writer.WriteStartArray();
            foreach (var producer in producers)
            {
                producer.WriteJson(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static ProducerTableInfo ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(ProducerTableInfo));
        var table = new ProducerTableInfo();
        foreach (var (key, value) in json.GetObject("data") ?? [])
        {
            table.Data[key.GetString() ?? string.Empty] = (value.AsArray() ?? []).Select(ProducerInfo.ReadJson).ToList();
        }

        return table;
    }
}
