namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>DELETE_TOPIC_IN_BROKER (215).</summary>
public sealed record DeleteTopicRequestHeader : ICommandHeader<DeleteTopicRequestHeader>
{
    public required string Topic { get; init; }

    public static DeleteTopicRequestHeader Read(HeaderReader fields) => new()
    {
        Topic = fields.RequiredString("topic"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
    }
}
