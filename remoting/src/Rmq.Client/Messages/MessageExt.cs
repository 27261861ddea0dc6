using System.Net;

namespace Rmq.Client.Messages;

/// <summary>
/// A stored message as pull, query and view responses carry it (MessageExt / MessageClientExt):
/// every CommitLog record field of store.md §2.
/// </summary>
public sealed class MessageExt : Message
{
    /// <summary>The broker name it was pulled from (set by the consumer, not part of the record).</summary>
    public string? BrokerName { get; set; }

    public int StoreSize { get; init; }

    public int BodyCrc { get; init; }

    public int QueueId { get; init; }

    public long QueueOffset { get; init; }

    public long CommitLogOffset { get; init; }

    public int SysFlag { get; init; }

    public long BornTimestamp { get; init; }

    public required IPEndPoint BornHost { get; init; }

    public long StoreTimestamp { get; init; }

    public required IPEndPoint StoreHost { get; init; }

    public int ReconsumeTimes { get; set; }

    public long PreparedTransactionOffset { get; init; }

    /// <summary>The offset message id: hex of store host, port and CommitLog offset (store.md §5).</summary>
    public required string OffsetMsgId { get; init; }

    /// <summary>UNIQ_KEY when present (the Java client's message id), else <see cref="OffsetMsgId"/>.</summary>
    public string MsgId => UniqueKey ?? OffsetMsgId;

    public override string ToString() =>
        $"MessageExt [brokerName={BrokerName}, queueId={QueueId}, storeSize={StoreSize}, queueOffset={QueueOffset}, sysFlag={SysFlag}, bornTimestamp={BornTimestamp}, bornHost={BornHost}, storeTimestamp={StoreTimestamp}, storeHost={StoreHost}, msgId={MsgId}, commitLogOffset={CommitLogOffset}, reconsumeTimes={ReconsumeTimes}, {base.ToString()}]";
}
