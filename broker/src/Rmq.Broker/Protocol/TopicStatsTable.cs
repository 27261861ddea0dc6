using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>
/// GET_TOPIC_STATS_INFO (202) body: <c>{"offsetTable":{&lt;MessageQueue&gt;:{"minOffset","maxOffset","lastUpdateTimestamp"}}}</c>
/// with MessageQueue objects as keys (fastjson). Belongs in Rmq.Remoting.
/// </summary>
public sealed class TopicStatsTable : IJsonBody<TopicStatsTable>
{
    public SortedDictionary<MessageQueue, TopicOffset> OffsetTable { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("offsetTable");
        writer.WriteStartObject();
        foreach (var (mq, offset) in OffsetTable)
        {
            mq.WriteAsKey(writer);
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
        var table = new TopicStatsTable();
        if ((node as FjObject)?.GetObject("offsetTable") is { } offsets)
        {
            foreach (var (key, value) in offsets)
            {
                var o = (FjObject)value;
                table.OffsetTable[MessageQueue.ReadJson(key)] = new TopicOffset(o.GetInt64("minOffset"), o.GetInt64("maxOffset"), o.GetInt64("lastUpdateTimestamp"));
            }
        }

        return table;
    }
}
