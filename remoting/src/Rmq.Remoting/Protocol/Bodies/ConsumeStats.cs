using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;


/// <summary>GET_CONSUME_STATS (208) answer: <c>{"consumeTps":D,"offsetTable":{&lt;MessageQueue&gt;:OffsetWrapper}}</c>.</summary>
public sealed class ConsumeStats : IJsonBody<ConsumeStats>
{
    public double ConsumeTps { get; set; }

    public SortedDictionary<MessageQueue, OffsetWrapper> OffsetTable { get; init; } = [];

    /// <summary>Sum of brokerOffset − consumerOffset over all queues (computeTotalDiff).</summary>
    public long TotalDiff => OffsetTable.Values.Sum(o => o.BrokerOffset - o.ConsumerOffset);

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("consumeTps", ConsumeTps);
        writer.WritePropertyName("offsetTable");
        writer.WriteStartObject();
        foreach (var (queue, offset) in OffsetTable)
        {
            queue.WriteAsKey(writer);
            writer.WriteStartObject();
            writer.WriteNumber("brokerOffset", offset.BrokerOffset);
            writer.WriteNumber("consumerOffset", offset.ConsumerOffset);
            writer.WriteNumber("lastTimestamp", offset.LastTimestamp);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static ConsumeStats ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("ConsumeStats must be a JSON object");
        var stats = new ConsumeStats { ConsumeTps = json.GetDouble("consumeTps") };
        foreach (var (key, value) in json.GetObject("offsetTable") ?? [])
        {
            var offset = value as FjObject ?? throw new FjException("OffsetWrapper must be a JSON object");
            stats.OffsetTable[ObjectKeys.ReadQueue(key)] = new OffsetWrapper(
                offset.GetInt64("brokerOffset"), offset.GetInt64("consumerOffset"), offset.GetInt64("lastTimestamp"));
        }

        return stats;
    }
}
