namespace Rmq.Configuration;

/// <summary>
/// What to generate. Null / empty means "as RocketMQ's distribution": with no option set, the files are the
/// distribution's sets key for key and line for line.
/// </summary>
public sealed record ScaffoldOptions(DeploymentMode Mode)
{
    /// <summary>Number of Masters (broker-a, broker-b, ... broker-z, broker-aa, ...); default 2 (1 for single).</summary>
    public int? Masters { get; init; }

    /// <summary>Slaves per Master (broker-a-s = id 1, broker-a-s2 = id 2, ...); default 1 (0 for single and 2m-noslave).</summary>
    public int? SlavesPerMaster { get; init; }

    /// <summary>brokerClusterName; default DefaultCluster.</summary>
    public string? ClusterName { get; init; }

    /// <summary>namesrvAddr written into every broker file (';'-separated host:port); none by default (-n / NAMESRV_ADDR).</summary>
    public string? NamesrvAddr { get; init; }

    /// <summary>
    /// Broker hosts (brokerIP1). As many as brokers: one each, Masters first, then first Slaves, and so on
    /// (the order of the user guide: A, B Masters, C, D Slaves). Fewer: Master i goes to host i mod n and its
    /// k-th Slave to host (i + k) mod n, so a Slave avoids its Master's host when there are two or more hosts.
    /// Brokers sharing a host get distinct listenPort (10911, 10921, ...) and store folders.
    /// </summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>flushDiskType (ASYNC_FLUSH or SYNC_FLUSH); default ASYNC_FLUSH.</summary>
    public string? FlushDiskType { get; init; }

    /// <summary>Parent of the per-broker store folders written when brokers share a host; default /opt/rocketmq/store.</summary>
    public string? StoreRoot { get; init; }

    /// <summary>True when nothing beyond the mode is set (the output is RocketMQ's distribution set).</summary>
    public bool IsDistributionDefault => Masters is null && SlavesPerMaster is null && ClusterName is null
        && NamesrvAddr is null && Hosts.Count == 0 && FlushDiskType is null && StoreRoot is null;
}
