using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>
/// The local offset file of a BROADCASTING consumer (OffsetSerializeWrapper.java, written by
/// LocalFileOffsetStore to <c>offsets.json</c>): <c>{"offsetTable":{&lt;MessageQueue&gt;:offset}}</c>, the
/// queue keys written as JSON objects the way fastjson writes them.
/// </summary>
public sealed class OffsetSerializeWrapper : IJsonBody<OffsetSerializeWrapper>
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

    public static OffsetSerializeWrapper ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("OffsetSerializeWrapper must be a JSON object");
        var body = new OffsetSerializeWrapper();
        foreach (var (key, value) in json.GetObject("offsetTable") ?? [])
        {
            body.OffsetTable[ObjectKeys.ReadQueue(key)] = value.GetInt64();
        }

        return body;
    }
}
