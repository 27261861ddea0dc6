namespace Rmq.Store;

/// <summary>SYNC_MASTER hook, implemented by HA: waits until a slave has acknowledged an offset.</summary>
public interface ISyncReplicationWaiter
{
    /// <summary>Whether a slave is connected and close enough (<c>haSlaveFallbehindMax</c>) to wait for.</summary>
    bool IsSlaveOk(long masterPutWhere);

    /// <summary>
    /// Completes true when a slave acknowledged <paramref name="endOffset"/>, false after the waiter's own
    /// <c>slaveTimeout</c> (the store adds no limit of its own: 4.9.3+ bounds this wait by slaveTimeout only).
    /// </summary>
    Task<bool> WaitForSlaveAsync(long endOffset, CancellationToken cancellationToken);
}
