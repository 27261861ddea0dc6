namespace Rmq.PowerShell.Models;

/// <summary>A cluster as the name servers list it (Get-RmqCluster).</summary>
public sealed class RmqCluster
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string[] BrokerNames { get; init; } = [];

    public int Masters { get; init; }

    public int Slaves { get; init; }
}
