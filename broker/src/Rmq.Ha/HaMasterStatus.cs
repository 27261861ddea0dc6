namespace Rmq.Ha;

/// <summary>The master's replication state, for operators (<c>Get-RmqReplicationStatus</c>).</summary>
public sealed record HaMasterStatus
{
    /// <summary><c>host:port</c> the HA listener is bound to; null when not started.</summary>
    public required string? ListenAddress { get; init; }

    public required long MasterMaxOffset { get; init; }

    public required long MasterMinOffset { get; init; }

    /// <summary>Highest offset any slave acknowledged (RocketMQ <c>push2SlaveMaxOffset</c>).</summary>
    public required long PushedToSlaveOffset { get; init; }

    /// <summary>Whether a SYNC_MASTER put would wait for a slave now (else it answers SLAVE_NOT_AVAILABLE).</summary>
    public required bool IsSlaveOk { get; init; }

    /// <summary>Why <see cref="IsSlaveOk"/> is false; null when it is true.</summary>
    public required string? SlaveNotOkReason { get; init; }

    public required IReadOnlyList<HaSlaveConnectionStatus> Slaves { get; init; }

    /// <summary>Slaves rejected for a lost or diverged offset, by address (latest per address).</summary>
    public required IReadOnlyList<HaReplicationProblem> Problems { get; init; }
}
