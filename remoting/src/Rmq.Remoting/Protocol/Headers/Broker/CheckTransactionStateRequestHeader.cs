namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>CHECK_TRANSACTION_STATE (39), broker to producer.</summary>
public sealed record CheckTransactionStateRequestHeader : ICommandHeader<CheckTransactionStateRequestHeader>
{
    public long TranStateTableOffset { get; init; }

    public long CommitLogOffset { get; init; }

    public string? MsgId { get; init; }

    public string? TransactionId { get; init; }

    public string? OffsetMsgId { get; init; }

    public static CheckTransactionStateRequestHeader Read(HeaderReader fields) => new()
    {
        TranStateTableOffset = fields.RequiredLong("tranStateTableOffset"),
        CommitLogOffset = fields.RequiredLong("commitLogOffset"),
        MsgId = fields.OptionalString("msgId"),
        TransactionId = fields.OptionalString("transactionId"),
        OffsetMsgId = fields.OptionalString("offsetMsgId"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("tranStateTableOffset", TranStateTableOffset);
        fields.Put("commitLogOffset", CommitLogOffset);
        fields.Put("msgId", MsgId);
        fields.Put("transactionId", TransactionId);
        fields.Put("offsetMsgId", OffsetMsgId);
    }
}
