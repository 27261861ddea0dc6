namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>GET_MAX_OFFSET (30), GET_MIN_OFFSET (31) and GET_EARLIEST_MSG_STORETIME (32): one queue of a topic.</summary>
public sealed record TopicQueueRequestHeader : ICommandHeader<TopicQueueRequestHeader>
{
    public required string Topic { get; init; }

    public int QueueId { get; init; }

    public static TopicQueueRequestHeader Read(HeaderReader fields) => new()
    {
        Topic = fields.RequiredString("topic"),
        QueueId = fields.RequiredInt("queueId"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("queueId", QueueId);
    }
}
