using System.Globalization;
using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>
/// consumerOffset.json and the GET_ALL_CONSUMER_OFFSET (43) answer:
/// <c>{"offsetTable":{"topic@group":{0:12,1:7}}}</c>, inner keys unquoted (Q1).
/// </summary>
public sealed class ConsumerOffsetTable : IJsonBody<ConsumerOffsetTable>
{
    public const char KeySeparator = '@';

    public SortedDictionary<string, SortedDictionary<int, long>> OffsetTable { get; init; } = new(StringComparer.Ordinal);

    public static string Key(string topic, string group) => topic + KeySeparator + group;

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("offsetTable");
        writer.WriteStartObject();
        foreach (var (key, queues) in OffsetTable)
        {
            writer.WritePropertyName(key);
            writer.WriteStartObject();
            foreach (var (queueId, offset) in queues)
            {
                writer.WriteNumericKey(queueId);
                writer.WriteNumber(offset);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static ConsumerOffsetTable ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(ConsumerOffsetTable));
        var table = new ConsumerOffsetTable();
        if (json.GetObject("offsetTable") is { } offsets)
        {
            foreach (var (key, value) in offsets)
            {
                var queues = new SortedDictionary<int, long>();
                foreach (var (queueId, offset) in JsonBody.RequireObject(value, "offsetTable entry"))
                {
                    queues[int.Parse(queueId.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)] = offset.GetInt64();
                }

                table.OffsetTable[key.GetString() ?? string.Empty] = queues;
            }
        }

        return table;
    }
}
