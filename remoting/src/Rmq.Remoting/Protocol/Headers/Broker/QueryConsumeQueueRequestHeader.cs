namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>QUERY_CONSUME_QUEUE (321): <c>count</c> units of a consume queue from <c>index</c>, matched against a group's subscription when given.</summary>
public sealed record QueryConsumeQueueRequestHeader : ICommandHeader<QueryConsumeQueueRequestHeader>
{
    public required string Topic { get; init; }

    public int QueueId { get; init; }

    public long Index { get; init; }

    public int Count { get; init; }

    public string? ConsumerGroup { get; init; }

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("queueId", QueueId);
        fields.Put("index", Index);
        fields.Put("count", Count);
        fields.Put("consumerGroup", ConsumerGroup);
    }

    public static QueryConsumeQueueRequestHeader Read(HeaderReader fields) => new()
    {
        Topic = fields.RequiredString("topic"),
        QueueId = fields.RequiredInt("queueId"),
        Index = fields.RequiredLong("index"),
        Count = fields.RequiredInt("count"),
        ConsumerGroup = fields.OptionalString("consumerGroup"),
    };
}
