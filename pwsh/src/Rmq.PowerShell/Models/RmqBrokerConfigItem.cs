namespace Rmq.PowerShell.Models;

/// <summary>One config key of one broker (Get-RmqBrokerConfig, Set-RmqBrokerConfig -PassThru).</summary>
public sealed class RmqBrokerConfigItem
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public long BrokerId { get; init; }

    public string Address { get; init; } = "";

    public string Key { get; init; } = "";

    public string Value { get; init; } = "";
}
