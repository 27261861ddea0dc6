namespace Rmq.Ha;

/// <summary>The slave's replication state, for operators (<c>Get-RmqReplicationStatus</c>).</summary>
public sealed record HaClientStatus
{
    /// <summary>Master HA address in use (<c>host:port</c>); null until known.</summary>
    public required string? MasterAddress { get; init; }

    public required bool Connected { get; init; }

    /// <summary>End of this slave's commit log.</summary>
    public required long SlaveMaxOffset { get; init; }

    /// <summary>Last offset reported to the master; -1 before the first report.</summary>
    public required long LastReportedOffset { get; init; }

    public required DateTimeOffset? LastReportAt { get; init; }

    /// <summary>Highest master offset seen in a frame (a heartbeat carries the master's next offset).</summary>
    public required long MasterOffsetSeen { get; init; }

    /// <summary>Master offset seen minus this slave's offset; null before any frame of the current connection.</summary>
    public required long? BytesBehind { get; init; }

    /// <summary>Successful connections so far.</summary>
    public required int ConnectCount { get; init; }

    /// <summary>The last fault that needs an operator; cleared when data is applied again.</summary>
    public required HaReplicationProblem? Problem { get; init; }
}
