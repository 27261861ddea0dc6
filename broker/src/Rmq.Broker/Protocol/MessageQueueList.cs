using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>A JSON array of MessageQueue objects (Java Set&lt;MessageQueue&gt;).</summary>
internal static class MessageQueueList
{
    public static void Write(FjWriter writer, IEnumerable<MessageQueue> queues)
    {
        writer.WriteStartArray();
        foreach (var mq in queues)
        {
            mq.WriteJson(writer);
        }

        writer.WriteEndArray();
    }

    public static List<MessageQueue> Read(FjArray? array) => array?.Where(n => !n.IsNull).Select(MessageQueue.ReadJson).ToList() ?? [];
}
