using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>A list of topic names, with a broker address for the system-topic list (TopicList.java).</summary>
public sealed class TopicList : IJsonBody<TopicList>
{
    public SortedSet<string> Topics { get; init; } = new(StringComparer.Ordinal);

    public string? BrokerAddr { get; set; }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("brokerAddr", BrokerAddr);
        writer.WriteStringArray("topicList", Topics);
        writer.WriteEndObject();
    }

    public static TopicList ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(TopicList));
        var list = new TopicList { BrokerAddr = json.GetString("brokerAddr") };
        foreach (var topic in json.GetArray("topicList")?.ToStringList() ?? [])
        {
            list.Topics.Add(topic);
        }

        return list;
    }
}
