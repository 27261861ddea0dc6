namespace Rmq.Ha;

/// <summary>Why a slave cannot replicate from its master until an operator acts.</summary>
public enum HaProblemKind
{
    /// <summary>The slave's commit log ends below the master's <c>MinPhyOffset</c>: the master deleted the files the slave needs next.</summary>
    SlaveOffsetBelowMasterMin,

    /// <summary>The slave's commit log ends above the master's <c>MaxPhyOffset</c>: the slave holds bytes the master does not (master store replaced or truncated).</summary>
    SlaveOffsetAboveMasterMax,

    /// <summary>Slave side: the master sent data for an offset other than the end of the slave's commit log.</summary>
    OffsetMismatch,

    /// <summary>Slave side: the store refused the replicated bytes (store stopped or full).</summary>
    AppendRefused,
}
