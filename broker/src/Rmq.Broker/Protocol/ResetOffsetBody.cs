using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>
/// INVOKE_BROKER_TO_RESET_OFFSET (222) response and RESET_CONSUMER_CLIENT_OFFSET (220) body:
/// <c>{"offsetTable":{&lt;MessageQueue&gt;:offset}}</c> with MessageQueue object keys. Belongs in Rmq.Remoting.
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
        foreach (var (mq, offset) in OffsetTable)
        {
            mq.WriteAsKey(writer);
            writer.WriteNumber(offset);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static ResetOffsetBody ReadJson(FjNode node)
    {
        var body = new ResetOffsetBody();
        if ((node as FjObject)?.GetObject("offsetTable") is { } table)
        {
            foreach (var (key, value) in table)
            {
                body.OffsetTable[MessageQueue.ReadJson(key)] = value.GetInt64();
            }
        }

        return body;
    }
}
