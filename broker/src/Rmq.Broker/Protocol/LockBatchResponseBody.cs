using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>LOCK_BATCH_MQ (41) response body: <c>{"lockOKMQSet":[MessageQueue]}</c>. Belongs in Rmq.Remoting.</summary>
public sealed class LockBatchResponseBody : IJsonBody<LockBatchResponseBody>
{
    public List<MessageQueue> LockOKMQSet { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("lockOKMQSet");
        MessageQueueList.Write(writer, LockOKMQSet);
        writer.WriteEndObject();
    }

    public static LockBatchResponseBody ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("LockBatchResponseBody must be a JSON object");
        return new LockBatchResponseBody { LockOKMQSet = MessageQueueList.Read(json.GetArray("lockOKMQSet")) };
    }
}
