namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>UPDATE_CONSUMER_OFFSET (15).</summary>
public sealed record UpdateConsumerOffsetRequestHeader : ICommandHeader<UpdateConsumerOffsetRequestHeader>
{
    public required string ConsumerGroup { get; init; }

    public required string Topic { get; init; }

    public int QueueId { get; init; }

    public long CommitOffset { get; init; }

    public static UpdateConsumerOffsetRequestHeader Read(HeaderReader fields) => new()
    {
        ConsumerGroup = fields.RequiredString("consumerGroup"),
        Topic = fields.RequiredString("topic"),
        QueueId = fields.RequiredInt("queueId"),
        CommitOffset = fields.RequiredLong("commitOffset"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("consumerGroup", ConsumerGroup);
        fields.Put("topic", Topic);
        fields.Put("queueId", QueueId);
        fields.Put("commitOffset", CommitOffset);
    }
}
