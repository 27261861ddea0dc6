using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One broker's queues of a topic in a route (QueueData.java).</summary>
public sealed record QueueData : IJsonBody<QueueData>
{
    public required string BrokerName { get; init; }

    public int ReadQueueNums { get; init; }

    public int WriteQueueNums { get; init; }

    public int Perm { get; init; }

    public int TopicSysFlag { get; init; }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("brokerName", BrokerName);
        writer.WriteNumber("perm", Perm);
        writer.WriteNumber("readQueueNums", ReadQueueNums);
        writer.WriteNumber("topicSysFlag", TopicSysFlag);
        writer.WriteNumber("writeQueueNums", WriteQueueNums);
        writer.WriteEndObject();
    }

    public static QueueData ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(QueueData));
        return new QueueData
        {
            BrokerName = json.GetString("brokerName") ?? string.Empty,
            ReadQueueNums = json.GetInt32("readQueueNums"),
            WriteQueueNums = json.GetInt32("writeQueueNums"),
            Perm = json.GetInt32("perm"),
            TopicSysFlag = json.ContainsKey("topicSysFlag") ? json.GetInt32("topicSysFlag") : json.GetInt32("topicSynFlag"),
        };
    }
}
