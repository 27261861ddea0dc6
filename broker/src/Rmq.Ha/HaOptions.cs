using System.Net;

namespace Rmq.Ha;

/// <summary>
/// Replication settings with RocketMQ's <c>MessageStoreConfig</c> key names (PascalCase) and defaults.
/// Intervals are milliseconds, as in <c>broker.conf</c>. Keys that RocketMQ hard-codes are marked as such.
/// </summary>
public sealed record HaOptions
{
    /// <summary>Address the master's HA listener binds to (RocketMQ binds every interface).</summary>
    public IPAddress HaListenAddress { get; init; } = IPAddress.Any;

    /// <summary><c>haListenPort</c>; 4.x always uses <c>listenPort + 1</c> (10912). 0 binds an ephemeral port (tests).</summary>
    public int HaListenPort { get; init; } = 10912;

    /// <summary><c>haSendHeartbeatInterval</c>: the slave reports (and an idle master sends a header) at least this often.</summary>
    public int HaSendHeartbeatInterval { get; init; } = 5000;

    /// <summary><c>haHousekeepingInterval</c>: either side closes a connection it read nothing from for this long.</summary>
    public int HaHousekeepingInterval { get; init; } = 20_000;

    /// <summary><c>haTransferBatchSize</c>: largest body of one master frame.</summary>
    public int HaTransferBatchSize { get; init; } = 32 * 1024;

    /// <summary><c>haSlaveFallbehindMax</c>: a slave further behind than this does not count for SYNC_MASTER.</summary>
    public long HaSlaveFallbehindMax { get; init; } = 256L * 1024 * 1024;

    /// <summary><c>slaveTimeout</c> (4.9.3+): how long a SYNC_MASTER put waits for a slave ack before FLUSH_SLAVE_TIMEOUT.</summary>
    public int SlaveTimeout { get; init; } = 3000;

    /// <summary>
    /// <c>haMasterAddress</c> (<c>host:port</c>): a slave's fixed master HA address. When set (6 chars or more) the
    /// address from the name server's registration answer is ignored, as in RocketMQ.
    /// </summary>
    public string? HaMasterAddress { get; init; }

    /// <summary>Slave: pause between connection attempts after a failure or a lost connection (RocketMQ hard-codes 5 s).</summary>
    public int HaReconnectInterval { get; init; } = 5000;

    /// <summary>Slave: limit for one connection attempt.</summary>
    public int HaConnectTimeout { get; init; } = 3000;

    /// <summary>
    /// Master: how long a caught-up sender sleeps when nothing wakes it (RocketMQ: 100 ms). New appends wake it at
    /// once when the host wires <see cref="HaService.WrapArrivingListener"/>; SYNC_MASTER waits always wake it.
    /// </summary>
    public int HaTransferWaitInterval { get; init; } = 100;

    /// <summary>
    /// Master: where an empty slave (reporting offset 0) starts. RocketMQ (false) starts at the beginning of the
    /// master's last commit-log file, so the new slave holds only recent data; true starts at the master's
    /// <c>MinPhyOffset</c>, a full copy of everything the master still has (not a RocketMQ key).
    /// </summary>
    public bool HaEmptySlaveStartsFromMinOffset { get; init; }

    /// <summary>Whether <see cref="HaMasterAddress"/> is a usable fixed address (RocketMQ: non-null and ≥ 6 chars).</summary>
    public bool HasFixedMasterAddress => HaMasterAddress is { Length: >= 6 };
}
