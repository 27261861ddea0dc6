using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>LOCK_BATCH_MQ (41) answer: <c>{"lockOKMQSet":[MessageQueue]}</c>.</summary>
public sealed class LockBatchResponseBody : IJsonBody<LockBatchResponseBody>
{
    public List<MessageQueue> LockOkMqSet { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("lockOKMQSet");
        QueueSets.Write(writer, LockOkMqSet);
        writer.WriteEndObject();
    }

    public static LockBatchResponseBody ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("LockBatchResponseBody must be a JSON object");
        return new LockBatchResponseBody { LockOkMqSet = QueueSets.Read(json.GetArray("lockOKMQSet")) };
    }
}
