namespace Rmq.PowerShell.Models;

/// <summary>One step of Invoke-RmqRollingRestart for one broker group.</summary>
public sealed class RmqRestartStep
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public long BrokerId { get; init; }

    public string Address { get; init; } = "";

    /// <summary>Drain, Restart, Register, Sync, RestoreWrite or Done.</summary>
    public string Step { get; init; } = "";

    public bool Succeeded { get; init; }

    public TimeSpan Elapsed { get; init; }

    public string Message { get; init; } = "";
}
