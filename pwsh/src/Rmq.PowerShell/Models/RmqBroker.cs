namespace Rmq.PowerShell.Models;

/// <summary>One broker (master or slave) with its runtime info (Get-RmqBroker).</summary>
public sealed class RmqBroker
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public long BrokerId { get; init; }

    public string Address { get; init; } = "";

    /// <summary>Master (id 0) or Slave.</summary>
    public string Role => BrokerId == 0 ? "Master" : "Slave";

    /// <summary>Online, or Unreachable when the name server lists it but no connection can be made (Error says why; an Online broker without runtime info has Error too).</summary>
    public string Status { get; init; } = "Online";

    public string? Version { get; init; }

    public double? InTps { get; init; }

    public double? OutTps { get; init; }

    public long? CommitLogMaxOffset { get; init; }

    public string? Error { get; init; }

    public IReadOnlyDictionary<string, string> RuntimeInfo { get; init; } = new Dictionary<string, string>();
}
