namespace Rmq.Testcontainers;

/// <summary>The deployment modes of RocketMQ's broker deployment guide, as `rmq conf new` names their conf sets.</summary>
public enum RmqClusterPreset
{
    /// <summary>"single": one Master (broker-a), no Slave.</summary>
    Single,

    /// <summary>"2m-noslave": Masters broker-a and broker-b, no Slave.</summary>
    TwoMasterNoSlave,

    /// <summary>"2m-2s-async": broker-a, broker-b (ASYNC_MASTER) with Slaves broker-a-s, broker-b-s.</summary>
    TwoMasterTwoSlaveAsync,

    /// <summary>"2m-2s-sync": broker-a, broker-b (SYNC_MASTER, synchronous double write) with Slaves broker-a-s, broker-b-s.</summary>
    TwoMasterTwoSlaveSync,
}
