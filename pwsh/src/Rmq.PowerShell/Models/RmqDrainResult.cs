namespace Rmq.PowerShell.Models;

/// <summary>The outcome of Wait-RmqBrokerDrained for one master.</summary>
public sealed class RmqDrainResult
{
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public long BrokerId { get; init; }

    public string Address { get; init; } = "";

    public bool Drained { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>How long no message was put when the wait ended.</summary>
    public TimeSpan QuietFor { get; init; }

    public double? PutTps { get; init; }

    /// <summary>Producer connections of the -ProducerGroup groups still on the broker; null when no group was given.</summary>
    public int? ProducerConnections { get; init; }
}
