namespace Rmq.Store.Tests;

/// <summary>A replication waiter the test drives: records each wait and completes it when told.</summary>
internal sealed class ControlledReplicationWaiter : ISyncReplicationWaiter
{
    private readonly TaskCompletionSource<bool> _ack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _waitStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool SlaveOk { get; init; } = true;

    /// <summary>Completes with the end offset of the first slave wait the store starts.</summary>
    public Task<long> WaitStarted => _waitStarted.Task;

    public bool IsSlaveOk(long masterPutWhere) => SlaveOk;

    public Task<bool> WaitForSlaveAsync(long endOffset, CancellationToken cancellationToken)
    {
        _waitStarted.TrySetResult(endOffset);
        return _ack.Task;
    }

    /// <summary>True: the slave acked; false: the waiter's slaveTimeout fired.</summary>
    public void Complete(bool acked) => _ack.TrySetResult(acked);
}
