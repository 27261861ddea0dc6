namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>QUERY_CONSUMER_OFFSET (14).</summary>
public sealed record QueryConsumerOffsetRequestHeader : ICommandHeader<QueryConsumerOffsetRequestHeader>
{
    public required string ConsumerGroup { get; init; }

    public required string Topic { get; init; }

    public int QueueId { get; init; }

    public static QueryConsumerOffsetRequestHeader Read(HeaderReader fields) => new()
    {
        ConsumerGroup = fields.RequiredString("consumerGroup"),
        Topic = fields.RequiredString("topic"),
        QueueId = fields.RequiredInt("queueId"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("consumerGroup", ConsumerGroup);
        fields.Put("topic", Topic);
        fields.Put("queueId", QueueId);
    }
}
