using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>LOCK_BATCH_MQ (41) / UNLOCK_BATCH_MQ (42) request: <c>{"consumerGroup","clientId","mqSet":[MessageQueue]}</c>.</summary>
public sealed class LockBatchRequestBody : IJsonBody<LockBatchRequestBody>
{
    public required string ConsumerGroup { get; init; }

    public required string ClientId { get; init; }

    public List<MessageQueue> MqSet { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("clientId", ClientId);
        writer.WriteString("consumerGroup", ConsumerGroup);
        writer.WritePropertyName("mqSet");
        QueueSets.Write(writer, MqSet);
        writer.WriteEndObject();
    }

    public static LockBatchRequestBody ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("LockBatchRequestBody must be a JSON object");
        return new LockBatchRequestBody
        {
            ConsumerGroup = json.GetString("consumerGroup") ?? string.Empty,
            ClientId = json.GetString("clientId") ?? string.Empty,
            MqSet = QueueSets.Read(json.GetArray("mqSet")),
        };
    }
}


internal static class QueueSets
{
    public static void Write(FjWriter writer, IEnumerable<MessageQueue> queues)
    {
        writer.WriteStartArray();
        foreach (var queue in queues)
        {
            queue.WriteJson(writer);
        }

        writer.WriteEndArray();
    }

    public static List<MessageQueue> Read(FjArray? array) => array?.Select(MessageQueue.ReadJson).ToList() ?? [];
}
