namespace Rmq.PowerShell.Models;

/// <summary>One topic with its queues summed over the brokers of its route (Get-RmqTopic).</summary>
public sealed class RmqTopic
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string Topic { get; init; } = "";

    public string[] BrokerNames { get; init; } = [];

    public int ReadQueueNums { get; init; }

    public int WriteQueueNums { get; init; }

    /// <summary>R, W, RW or - (the lowest permission over its brokers).</summary>
    public string Permission { get; init; } = "";
}
