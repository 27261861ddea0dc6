namespace Rmq.Store;

/// <summary>
/// A message handed to the store (RocketMQ <c>MessageExtBrokerInner</c>). The body is copied once,
/// straight into the mapped commit-log file.
/// </summary>
public sealed class MessageToStore
{
    public required string Topic { get; set; }
    public int QueueId { get; set; }
    public int Flag { get; set; }
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>Properties in wire form: <c>key\u0001value\u0002...</c> (UNIQ_KEY, KEYS, TAGS are kept as sent).</summary>
    public string PropertiesString { get; set; } = string.Empty;

    /// <summary>
    /// Tags code as the broker computed it. Informational: the consume-queue unit's tags code is derived again
    /// from TAGS (or DELAY for SCHEDULE_TOPIC_XXXX) at dispatch, so that recovery and slaves compute the same value.
    /// </summary>
    public long TagsCode { get; set; }

    public int SysFlag { get; set; }
    public long BornTimestamp { get; set; }
    public HostAddress BornHost { get; set; }
    public HostAddress StoreHost { get; set; }
    public int ReconsumeTimes { get; set; }
    public long PreparedTransactionOffset { get; set; }

    /// <summary>From the client's WAIT property: when false a SYNC_FLUSH append is answered without waiting for the disk.</summary>
    public bool WaitStoreMsgOk { get; set; } = true;
}
