namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>PULL_MESSAGE (11).</summary>
public sealed record PullMessageRequestHeader : ICommandHeader<PullMessageRequestHeader>
{
    public required string ConsumerGroup { get; init; }

    public required string Topic { get; init; }

    public int QueueId { get; init; }

    public long QueueOffset { get; init; }

    public int MaxMsgNums { get; init; } = 32;

    /// <summary>Bits: 1 COMMIT_OFFSET, 2 SUSPEND, 4 SUBSCRIPTION, 8 CLASS_FILTER, 16 LITE_PULL.</summary>
    public int SysFlag { get; init; }

    public long CommitOffset { get; init; }

    public long SuspendTimeoutMillis { get; init; } = 15000;

    public string? Subscription { get; init; }

    public long SubVersion { get; init; }

    public string? ExpressionType { get; init; }

    public static PullMessageRequestHeader Read(HeaderReader fields) => new()
    {
        ConsumerGroup = fields.RequiredString("consumerGroup"),
        Topic = fields.RequiredString("topic"),
        QueueId = fields.RequiredInt("queueId"),
        QueueOffset = fields.RequiredLong("queueOffset"),
        MaxMsgNums = fields.RequiredInt("maxMsgNums"),
        SysFlag = fields.RequiredInt("sysFlag"),
        CommitOffset = fields.RequiredLong("commitOffset"),
        SuspendTimeoutMillis = fields.RequiredLong("suspendTimeoutMillis"),
        Subscription = fields.OptionalString("subscription"),
        SubVersion = fields.OptionalLong("subVersion") ?? 0,
        ExpressionType = fields.OptionalString("expressionType"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("consumerGroup", ConsumerGroup);
        fields.Put("topic", Topic);
        fields.Put("queueId", QueueId);
        fields.Put("queueOffset", QueueOffset);
        fields.Put("maxMsgNums", MaxMsgNums);
        fields.Put("sysFlag", SysFlag);
        fields.Put("commitOffset", CommitOffset);
        fields.Put("suspendTimeoutMillis", SuspendTimeoutMillis);
        fields.Put("subscription", Subscription);
        fields.Put("subVersion", SubVersion);
        fields.Put("expressionType", ExpressionType);
    }
}
