using Rmq.Configuration;

namespace Rmq.Cli.Bench;

/// <summary>One deployment mode <c>rmq bench modes</c> measures: a scaffolded config set with one master (and its slave).</summary>
public sealed record BenchModeVariant(string Label, DeploymentMode Mode, string FlushDiskType)
{
    /// <summary>One master, answering after the in-memory append.</summary>
    public static readonly BenchModeVariant AsyncFlush = new("ASYNC_FLUSH", DeploymentMode.Single, "ASYNC_FLUSH");

    /// <summary>One master, answering after the group commit's msync.</summary>
    public static readonly BenchModeVariant SyncFlush = new("SYNC_FLUSH", DeploymentMode.Single, "SYNC_FLUSH");

    /// <summary>Master + slave, the master answering without waiting for the slave (ASYNC_FLUSH).</summary>
    public static readonly BenchModeVariant AsyncMaster = new("ASYNC_MASTER", DeploymentMode.MultiMasterSlaveAsync, "ASYNC_FLUSH");

    /// <summary>Master + slave, the master answering once the slave acknowledged (ASYNC_FLUSH).</summary>
    public static readonly BenchModeVariant SyncMaster = new("SYNC_MASTER", DeploymentMode.MultiMasterSlaveSync, "ASYNC_FLUSH");

    public ScaffoldOptions ScaffoldOptions(string namesrvAddress, string storeRoot) => new(Mode)
    {
        Masters = 1,
        SlavesPerMaster = Mode == DeploymentMode.Single ? null : 1,
        Hosts = ["127.0.0.1"],
        NamesrvAddr = namesrvAddress,
        StoreRoot = storeRoot,
        FlushDiskType = FlushDiskType,
    };
}
