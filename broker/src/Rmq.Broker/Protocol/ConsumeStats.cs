using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>
/// GET_CONSUME_STATS (208) body: <c>{"consumeTps":D,"offsetTable":{&lt;MessageQueue&gt;:{"brokerOffset","consumerOffset","lastTimestamp"}}}</c>.
/// Belongs in Rmq.Remoting.
/// </summary>
public sealed class ConsumeStats : IJsonBody<ConsumeStats>
{
    public double ConsumeTps { get; init; }

    public SortedDictionary<MessageQueue, OffsetWrapper> OffsetTable { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("consumeTps", ConsumeTps);
        writer.WritePropertyName("offsetTable");
        writer.WriteStartObject();
        foreach (var (mq, offset) in OffsetTable)
        {
            mq.WriteAsKey(writer);
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
        var json = node as FjObject;
        var stats = new ConsumeStats { ConsumeTps = json?.GetDouble("consumeTps") ?? 0 };
        if (json?.GetObject("offsetTable") is { } offsets)
        {
            foreach (var (key, value) in offsets)
            {
                var o = (FjObject)value;
                stats.OffsetTable[MessageQueue.ReadJson(key)] = new OffsetWrapper(o.GetInt64("brokerOffset"), o.GetInt64("consumerOffset"), o.GetInt64("lastTimestamp"));
            }
        }

        return stats;
    }
}
