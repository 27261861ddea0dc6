namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>The send response: offset message id(s), queue and queue offset of the (first) message.</summary>
public sealed record SendMessageResponseHeader : ICommandHeader<SendMessageResponseHeader>
{
    /// <summary>The offset message id (32 hex characters); comma-separated for a batch.</summary>
    public required string MsgId { get; init; }

    public int QueueId { get; init; }

    public long QueueOffset { get; init; }

    public string? TransactionId { get; init; }

    public static SendMessageResponseHeader Read(HeaderReader fields) => new()
    {
        MsgId = fields.RequiredString("msgId"),
        QueueId = fields.RequiredInt("queueId"),
        QueueOffset = fields.RequiredLong("queueOffset"),
        TransactionId = fields.OptionalString("transactionId"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("msgId", MsgId);
        fields.Put("queueId", QueueId);
        fields.Put("queueOffset", QueueOffset);
        fields.Put("transactionId", TransactionId);
    }
}
