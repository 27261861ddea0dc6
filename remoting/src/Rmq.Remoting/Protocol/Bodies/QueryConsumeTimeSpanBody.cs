using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;


/// <summary>QUERY_CONSUME_TIME_SPAN (303) answer: <c>{"consumeTimeSpanSet":[QueueTimeSpan]}</c>.</summary>
public sealed class QueryConsumeTimeSpanBody : IJsonBody<QueryConsumeTimeSpanBody>
{
    public List<QueueTimeSpan> ConsumeTimeSpanSet { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("consumeTimeSpanSet");
        writer.WriteStartArray();
        foreach (var span in ConsumeTimeSpanSet)
        {
            writer.WriteStartObject();
            writer.WriteNumber("consumeTimeStamp", span.ConsumeTimeStamp);
            writer.WriteNumber("delayTime", span.DelayTime);
            writer.WriteNumber("maxTimeStamp", span.MaxTimeStamp);
            writer.WritePropertyName("messageQueue");
            span.MessageQueue.WriteJson(writer);
            writer.WriteNumber("minTimeStamp", span.MinTimeStamp);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static QueryConsumeTimeSpanBody ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("QueryConsumeTimeSpanBody must be a JSON object");
        var body = new QueryConsumeTimeSpanBody();
        foreach (var item in json.GetArray("consumeTimeSpanSet") ?? [])
        {
            var span = item as FjObject ?? throw new FjException("QueueTimeSpan must be a JSON object");
            body.ConsumeTimeSpanSet.Add(new QueueTimeSpan(
                span["messageQueue"] is { } queue ? MessageQueue.ReadJson(queue) : new MessageQueue(string.Empty, string.Empty, 0),
                span.GetInt64("minTimeStamp"), span.GetInt64("maxTimeStamp"), span.GetInt64("consumeTimeStamp"), span.GetInt64("delayTime")));
        }

        return body;
    }
}
