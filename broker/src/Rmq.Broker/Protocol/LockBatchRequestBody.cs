using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>
/// LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) request body: <c>{"consumerGroup","clientId","mqSet":[MessageQueue]}</c>
/// (Java's LockBatchRequestBody / UnlockBatchRequestBody share the shape). Belongs in Rmq.Remoting.
/// </summary>
public sealed class LockBatchRequestBody : IJsonBody<LockBatchRequestBody>
{
    public string? ConsumerGroup { get; init; }

    public string? ClientId { get; init; }

    public bool OnlyThisBroker { get; init; }

    public List<MessageQueue> MqSet { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("clientId", ClientId);
        writer.WriteString("consumerGroup", ConsumerGroup);
        writer.WritePropertyName("mqSet");
        MessageQueueList.Write(writer, MqSet);
        writer.WriteBoolean("onlyThisBroker", OnlyThisBroker);
        writer.WriteEndObject();
    }

    public static LockBatchRequestBody ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("LockBatchRequestBody must be a JSON object");
        return new LockBatchRequestBody
        {
            ConsumerGroup = json.GetString("consumerGroup"),
            ClientId = json.GetString("clientId"),
            OnlyThisBroker = json.GetBoolean("onlyThisBroker"),
            MqSet = MessageQueueList.Read(json.GetArray("mqSet")),
        };
    }
}
