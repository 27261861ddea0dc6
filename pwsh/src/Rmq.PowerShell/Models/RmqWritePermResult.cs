namespace Rmq.PowerShell.Models;

/// <summary>What one name server answered to a write-permission change of a broker (Set-RmqBrokerWritePerm -PassThru).</summary>
public sealed class RmqWritePermResult
{
    /// <summary>The one name server this result is from.</summary>
    public string NameServer { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public RmqPermission Permission { get; init; }

    /// <summary>How many topics of the broker the name server changed.</summary>
    public int TopicCount { get; init; }
}
