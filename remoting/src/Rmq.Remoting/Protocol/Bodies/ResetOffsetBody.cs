using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>
/// INVOKE_BROKER_TO_RESET_OFFSET (222) answer and RESET_CONSUMER_CLIENT_OFFSET (220) body:
/// <c>{"offsetTable":{&lt;MessageQueue&gt;:offset}}</c>.
/// </summary>
public sealed class ResetOffsetBody : IJsonBody<ResetOffsetBody>
{
    public SortedDictionary<MessageQueue, long> OffsetTable { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("offsetTable");
        writer.WriteStartObject();
        foreach (var (queue, offset) in OffsetTable)
        {
            queue.WriteAsKey(writer);
            writer.WriteNumber(offset);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static ResetOffsetBody ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("ResetOffsetBody must be a JSON object");
        var body = new ResetOffsetBody();
        if (json["offsetTable"] is FjArray forC)
        {
            // ResetOffsetBodyForC: [{"topic","brokerName","queueId","offset"}]
            foreach (var item in forC.OfType<FjObject>())
            {
                body.OffsetTable[MessageQueue.ReadJson(item)] = item.GetInt64("offset");
            }

            return body;
        }

        foreach (var (key, value) in json.GetObject("offsetTable") ?? [])
        {
            body.OffsetTable[ObjectKeys.ReadQueue(key)] = value.GetInt64();
        }

        return body;
    }
}
