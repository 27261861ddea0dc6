using System.Globalization;
using Rmq.Store;

namespace Rmq.Broker.Transaction;

/// <summary>
/// Half messages of transactional producers (RocketMQ TransactionalMessageBridge): a prepared message is stored
/// in RMQ_SYS_TRANS_HALF_TOPIC queue 0 with its real topic/queue saved; END_TRANSACTION re-puts it (commit) or
/// not (rollback) and records an op message (tag "d", body = the half's queue offset) in
/// RMQ_SYS_TRANS_OP_HALF_TOPIC.
/// </summary>
public static class TransactionalMessages
{
    public const string HalfTopic = "RMQ_SYS_TRANS_HALF_TOPIC";
    public const string OpHalfTopic = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public const string PropertyTransactionPrepared = "TRAN_MSG";
    public const string PropertyProducerGroup = "PGROUP";
    public const string RemoveTag = "d";

    public static bool IsPrepared(IReadOnlyDictionary<string, string> properties) =>
        properties.TryGetValue(PropertyTransactionPrepared, out var value) && bool.TryParse(value, out var prepared) && prepared;

    /// <summary>Moves a prepared message to the half topic (parseHalfMessageInner).</summary>
    public static void ToHalf(Dictionary<string, string> properties, ref string topic, ref int queueId, ref int sysFlag)
    {
        ArgumentNullException.ThrowIfNull(properties);
        properties[MessageProperties.REAL_TOPIC] = topic;
        properties[MessageProperties.REAL_QID] = queueId.ToString(CultureInfo.InvariantCulture);
        sysFlag = MessageSysFlag.ResetTransactionValue(sysFlag, MessageSysFlag.TRANSACTION_NOT_TYPE);
        topic = HalfTopic;
        queueId = 0;
    }
}
