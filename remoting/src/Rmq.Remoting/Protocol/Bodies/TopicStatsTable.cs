using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;


/// <summary>GET_TOPIC_STATS_INFO (202) answer: <c>{"offsetTable":{&lt;MessageQueue&gt;:{"minOffset","maxOffset","lastUpdateTimestamp"}}}</c>.</summary>
public sealed class TopicStatsTable : IJsonBody<TopicStatsTable>
{
    public SortedDictionary<MessageQueue, TopicOffset> OffsetTable { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("offsetTable");
        writer.WriteStartObject();
        foreach (var (queue, offset) in OffsetTable)
        {
            queue.WriteAsKey(writer);
            writer.WriteStartObject();
            writer.WriteNumber("lastUpdateTimestamp", offset.LastUpdateTimestamp);
            writer.WriteNumber("maxOffset", offset.MaxOffset);
            writer.WriteNumber("minOffset", offset.MinOffset);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static TopicStatsTable ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("TopicStatsTable must be a JSON object");
        var table = new TopicStatsTable();
        foreach (var (key, value) in json.GetObject("offsetTable") ?? [])
        {
            var offset = value as FjObject ?? throw new FjException("TopicOffset must be a JSON object");
            table.OffsetTable[ObjectKeys.ReadQueue(key)] = new TopicOffset(
                offset.GetInt64("minOffset"), offset.GetInt64("maxOffset"), offset.GetInt64("lastUpdateTimestamp"));
        }

        return table;
    }
}
