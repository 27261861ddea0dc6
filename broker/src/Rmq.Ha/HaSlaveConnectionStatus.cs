namespace Rmq.Ha;

/// <summary>One slave connection as the master sees it.</summary>
public sealed record HaSlaveConnectionStatus
{
    public required string RemoteAddress { get; init; }

    public required DateTimeOffset ConnectedAt { get; init; }

    /// <summary>True once the slave's first report was accepted (its offset is one the master can serve).</summary>
    public required bool Replicating { get; init; }

    /// <summary>Last offset the slave reported (its commit-log end); -1 before the first report.</summary>
    public required long AckOffset { get; init; }

    /// <summary>Next offset the master sends to this slave.</summary>
    public required long NextTransferOffset { get; init; }

    /// <summary>Master max offset minus the ack offset (0 when unknown).</summary>
    public required long LagBytes { get; init; }

    public required DateTimeOffset? LastReportAt { get; init; }
}
