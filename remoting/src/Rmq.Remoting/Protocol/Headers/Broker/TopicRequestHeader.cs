namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>GET_TOPIC_STATS_INFO (202) and QUERY_TOPIC_CONSUME_BY_WHO (300): one topic.</summary>
public sealed record TopicRequestHeader : ICommandHeader<TopicRequestHeader>
{
    public required string Topic { get; init; }

    public static TopicRequestHeader Read(HeaderReader fields) => new()
    {
        Topic = fields.RequiredString("topic"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
    }
}
