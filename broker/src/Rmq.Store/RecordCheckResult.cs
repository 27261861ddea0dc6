namespace Rmq.Store;

/// <summary>What a recovery or dispatch scan found at a commit-log position.</summary>
internal enum RecordCheckResult
{
    /// <summary>A valid message record.</summary>
    Message,

    /// <summary>The end-of-file blank record: continue at the next file.</summary>
    Blank,

    /// <summary>Zeros: end of valid data.</summary>
    End,

    /// <summary>Torn or corrupt bytes: end of valid data, and worth a log line.</summary>
    Corrupt,

    /// <summary>
    /// A record whose header is valid but whose bytes are not all readable yet (a slave mid-replication chunk).
    /// The dispatcher waits for more; recovery treats it as torn.
    /// </summary>
    Incomplete,
}
