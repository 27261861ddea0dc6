namespace Rmq.PowerShell.Models;

/// <summary>One queue of a consumer group's progress: broker and consumer offsets and the lag (Get-RmqConsumerProgress).</summary>
public sealed class RmqConsumerProgress
{
    public string NameServer { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public string Group { get; init; } = "";

    public string Topic { get; init; } = "";

    public int QueueId { get; init; }

    public long BrokerOffset { get; init; }

    public long ConsumerOffset { get; init; }

    public long Diff { get; init; }

    public DateTimeOffset? LastConsumed { get; init; }
}
