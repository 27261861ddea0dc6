namespace Rmq.PowerShell.Models;

/// <summary>One subscription group of one master broker (Get-RmqConsumerGroup).</summary>
public sealed class RmqConsumerGroup
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public long BrokerId { get; init; }

    public string Address { get; init; } = "";

    public string Group { get; init; } = "";

    public bool ConsumeEnable { get; init; }

    public bool ConsumeBroadcastEnable { get; init; }

    public int RetryQueueNums { get; init; }

    public int RetryMaxTimes { get; init; }

    public long WhichBrokerWhenConsumeSlowly { get; init; }
}
