namespace Rmq.Ha;

/// <summary>
/// A replication fault that needs an operator, with the offsets involved and what to do. Kept in the status until a
/// later connection of the same slave (master side) or to the master (slave side) replicates normally.
/// </summary>
public sealed record HaReplicationProblem
{
    public required HaProblemKind Kind { get; init; }

    /// <summary>The other side's address (<c>host:port</c>).</summary>
    public required string RemoteAddress { get; init; }

    /// <summary>End of the slave's commit log.</summary>
    public required long SlaveOffset { get; init; }

    /// <summary>Master side: the master's min offset; slave side: unknown (-1).</summary>
    public long MasterMinOffset { get; init; } = -1;

    /// <summary>Master side: the master's max offset; slave side: the offset the master offered.</summary>
    public long MasterOffset { get; init; } = -1;

    public required DateTimeOffset At { get; init; }

    /// <summary>Human-readable description naming the offsets and the remedy.</summary>
    public required string Message { get; init; }

    /// <summary>What an operator does about a lost or diverged offset.</summary>
    public const string ReseedAdvice = "re-seed the slave: stop it, delete its store, start it";
}
