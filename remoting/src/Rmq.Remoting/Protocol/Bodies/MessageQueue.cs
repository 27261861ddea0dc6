using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One queue of a topic on one broker name. Also the object key of fastjson maps (Q3).</summary>
public sealed record MessageQueue(string Topic, string BrokerName, int QueueId) : IJsonBody<MessageQueue>, IComparable<MessageQueue>
{
    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteFields(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes this queue as the key of a map entry (fastjson's object keys, Q3); write the value next.</summary>
    public void WriteAsKey(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObjectKey();
        WriteFields(writer);
        writer.WriteEndObject();
    }

    private void WriteFields(FjWriter writer)
    {
        writer.WriteString("brokerName", BrokerName);
        writer.WriteNumber("queueId", QueueId);
        writer.WriteString("topic", Topic);
    }

    public static MessageQueue ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(MessageQueue));
        return new MessageQueue(json.GetString("topic") ?? string.Empty, json.GetString("brokerName") ?? string.Empty, json.GetInt32("queueId"));
    }

    /// <summary>Java's order: topic, then broker name, then queue id (used by queue allocation).</summary>
    public int CompareTo(MessageQueue? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byTopic = string.CompareOrdinal(Topic, other.Topic);
        if (byTopic != 0)
        {
            return byTopic;
        }

        var byBroker = string.CompareOrdinal(BrokerName, other.BrokerName);
        return byBroker != 0 ? byBroker : QueueId.CompareTo(other.QueueId);
    }

    public override string ToString() => $"MessageQueue [topic={Topic}, brokerName={BrokerName}, queueId={QueueId}]";
}
