using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>
/// GET_BROKER_CONSUME_STATS (317) answer: <c>{"brokerAddr":S,"consumeStatsList":[{group:[ConsumeStats]}],"totalDiff":L}</c>,
/// one single-entry map per subscription group as Java builds it.
/// </summary>
public sealed class ConsumeStatsList : IJsonBody<ConsumeStatsList>
{
    public List<KeyValuePair<string, List<ConsumeStats>>> ConsumeStatsListItems { get; init; } = [];

    public string? BrokerAddr { get; set; }

    public long TotalDiff { get; set; }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("brokerAddr", BrokerAddr);
        writer.WritePropertyName("consumeStatsList");
        writer.WriteStartArray();
        foreach (var (group, stats) in ConsumeStatsListItems)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(group);
            writer.WriteStartArray();
            foreach (var item in stats)
            {
                item.WriteJson(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("totalDiff", TotalDiff);
        writer.WriteEndObject();
    }

    public static ConsumeStatsList ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(ConsumeStatsList));
        var list = new ConsumeStatsList { BrokerAddr = json.GetString("brokerAddr"), TotalDiff = json.GetInt64("totalDiff") };
        foreach (var entry in json.GetArray("consumeStatsList") ?? [])
        {
            foreach (var (key, value) in JsonBody.RequireObject(entry, "consumeStatsList entry"))
            {
                list.ConsumeStatsListItems.Add(new(key.GetString() ?? string.Empty, (value.AsArray() ?? []).Select(ConsumeStats.ReadJson).ToList()));
            }
        }

        return list;
    }
}
