namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>SEARCH_OFFSET_BY_TIMESTAMP (29).</summary>
public sealed record SearchOffsetRequestHeader : ICommandHeader<SearchOffsetRequestHeader>
{
    public required string Topic { get; init; }

    public int QueueId { get; init; }

    public long Timestamp { get; init; }

    public static SearchOffsetRequestHeader Read(HeaderReader fields) => new()
    {
        Topic = fields.RequiredString("topic"),
        QueueId = fields.RequiredInt("queueId"),
        Timestamp = fields.RequiredLong("timestamp"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("queueId", QueueId);
        fields.Put("timestamp", Timestamp);
    }
}
