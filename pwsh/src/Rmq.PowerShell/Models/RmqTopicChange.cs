namespace Rmq.PowerShell.Models;

/// <summary>What one master broker answered to New-RmqTopic or Remove-RmqTopic (with -PassThru).</summary>
public sealed class RmqTopicChange
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public long BrokerId { get; init; }

    public string Address { get; init; } = "";

    public string Topic { get; init; } = "";

    /// <summary>Created or Removed.</summary>
    public string Action { get; init; } = "";
}
