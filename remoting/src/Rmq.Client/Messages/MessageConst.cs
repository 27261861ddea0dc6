namespace Rmq.Client.Messages;

/// <summary>Message property names (MessageConst.java, store.md §4).</summary>
public static class MessageConst
{
    public const string Keys = "KEYS";
    public const string Tags = "TAGS";
    public const string WaitStoreMsgOk = "WAIT";
    public const string DelayTimeLevel = "DELAY";
    public const string RetryTopic = "RETRY_TOPIC";
    public const string RealTopic = "REAL_TOPIC";
    public const string RealQueueId = "REAL_QID";
    public const string TransactionPrepared = "TRAN_MSG";
    public const string ProducerGroup = "PGROUP";
    public const string MinOffset = "MIN_OFFSET";
    public const string MaxOffset = "MAX_OFFSET";
    public const string OriginMessageId = "ORIGIN_MESSAGE_ID";
    public const string ReconsumeTime = "RECONSUME_TIME";
    public const string MsgRegion = "MSG_REGION";
    public const string TraceSwitch = "TRACE_ON";
    public const string UniqueClientMessageIdKeyIndex = "UNIQ_KEY";
    public const string MaxReconsumeTimes = "MAX_RECONSUME_TIMES";
    public const string ConsumeStartTimestamp = "CONSUME_START_TIME";
    public const string Cluster = "CLUSTER";

    /// <summary>The separator between keys in <see cref="Keys"/>.</summary>
    public const string KeySeparator = " ";

    /// <summary>Between a property name and its value.</summary>
    public const char NameValueSeparator = '\u0001';

    /// <summary>Between two properties.</summary>
    public const char PropertySeparator = '\u0002';

    /// <summary>Properties the user may not set (Java's STRING_HASH_SET of system keys).</summary>
    public static readonly IReadOnlySet<string> SystemKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        Keys, Tags, WaitStoreMsgOk, DelayTimeLevel, RetryTopic, RealTopic, RealQueueId, TransactionPrepared,
        ProducerGroup, MinOffset, MaxOffset, OriginMessageId, ReconsumeTime, MsgRegion, TraceSwitch,
        UniqueClientMessageIdKeyIndex, MaxReconsumeTimes, ConsumeStartTimestamp, Cluster,
        "BUYER_ID", "TRANSFER_FLAG", "CORRECTION_FLAG", "MQ2_FLAG", "TRAN_PREPARED_QUEUE_OFFSET",
        "TRANSACTION_CHECK_TIMES", "CHECK_IMMUNITY_TIME_IN_SECONDS", "INSTANCE_ID", "CORRELATION_ID",
        "REPLY_TO_CLIENT", "TTL", "ARRIVE_TIME", "PUSH_REPLY_TIME", "MSG_TYPE",
    };
}
