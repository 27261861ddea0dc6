namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>END_TRANSACTION (37): commit (8), rollback (12) or unknown (0) of a half message.</summary>
public sealed record EndTransactionRequestHeader : ICommandHeader<EndTransactionRequestHeader>
{
    public required string ProducerGroup { get; init; }

    public long TranStateTableOffset { get; init; }

    public long CommitLogOffset { get; init; }

    public int CommitOrRollback { get; init; }

    public bool? FromTransactionCheck { get; init; }

    public required string MsgId { get; init; }

    public string? TransactionId { get; init; }

    public static EndTransactionRequestHeader Read(HeaderReader fields) => new()
    {
        ProducerGroup = fields.RequiredString("producerGroup"),
        TranStateTableOffset = fields.RequiredLong("tranStateTableOffset"),
        CommitLogOffset = fields.RequiredLong("commitLogOffset"),
        CommitOrRollback = fields.RequiredInt("commitOrRollback"),
        FromTransactionCheck = fields.OptionalBool("fromTransactionCheck"),
        MsgId = fields.RequiredString("msgId"),
        TransactionId = fields.OptionalString("transactionId"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("producerGroup", ProducerGroup);
        fields.Put("tranStateTableOffset", TranStateTableOffset);
        fields.Put("commitLogOffset", CommitLogOffset);
        fields.Put("commitOrRollback", CommitOrRollback);
        fields.Put("fromTransactionCheck", FromTransactionCheck);
        fields.Put("msgId", MsgId);
        fields.Put("transactionId", TransactionId);
    }
}
