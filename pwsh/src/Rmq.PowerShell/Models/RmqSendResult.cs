namespace Rmq.PowerShell.Models;

/// <summary>One sent message (Send-RmqMessage).</summary>
public sealed class RmqSendResult
{
    public string NameServer { get; init; } = "";

    public string Topic { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public int QueueId { get; init; }

    public long QueueOffset { get; init; }

    public string Status { get; init; } = "";

    public string MsgId { get; init; } = "";

    public string OffsetMsgId { get; init; } = "";
}
