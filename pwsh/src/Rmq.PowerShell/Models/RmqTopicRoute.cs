namespace Rmq.PowerShell.Models;

/// <summary>The queue data of one broker in one topic route, as one name server answers it (Get-RmqTopicRoute).</summary>
public sealed class RmqTopicRoute
{
    /// <summary>The one name server that gave this route.</summary>
    public string NameServer { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public string Topic { get; init; } = "";

    public string? MasterAddress { get; init; }

    public string[] Addresses { get; init; } = [];

    public int ReadQueueNums { get; init; }

    public int WriteQueueNums { get; init; }

    /// <summary>PermName bits: 8 priority, 4 read, 2 write, 1 inherit (6 = read and write).</summary>
    public int Perm { get; init; }

    /// <summary>R, W, RW or -.</summary>
    public string Permission { get; init; } = "";
}
