namespace Rmq.PowerShell.Models;

/// <summary>Replication of one slave: the master's and the slave's commit-log max offsets (Get-RmqReplicationStatus).</summary>
public sealed class RmqReplicationStatus
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public long BrokerId { get; init; }

    public string Address { get; init; } = "";

    public string? MasterAddress { get; init; }

    public long? MasterOffset { get; init; }

    public long? SlaveOffset { get; init; }

    /// <summary>Bytes the slave is behind (master offset - slave offset); null when one side did not answer.</summary>
    public long? Lag { get; init; }

    /// <summary>Lag within the -MaxLag threshold.</summary>
    public bool InSync { get; init; }
}
