namespace Rmq.Configuration;

/// <summary>
/// The deployment modes of RocketMQ's user guide, named after the distribution's conf sets
/// (<c>single</c> = conf/broker.conf), plus <c>namesrv</c> for a name server file.
/// </summary>
public enum DeploymentMode
{
    /// <summary>"single": one Master, no Slave (conf/broker.conf).</summary>
    Single,

    /// <summary>"2m-noslave": several Masters, no Slave, plus broker-trace.</summary>
    MultiMasterNoSlave,

    /// <summary>"2m-2s-async": Masters with Slaves, asynchronous replication (ASYNC_MASTER).</summary>
    MultiMasterSlaveAsync,

    /// <summary>"2m-2s-sync": Masters with Slaves, synchronous double write (SYNC_MASTER).</summary>
    MultiMasterSlaveSync,

    /// <summary>"namesrv": a name server properties file.</summary>
    Namesrv,
}
