namespace Rmq.PowerShell.Models;

/// <summary>One file New-RmqClusterConfig wrote (or would write).</summary>
public sealed class RmqClusterConfigFile
{
    public string Path { get; init; } = "";

    public string RelativePath { get; init; } = "";

    public string Description { get; init; } = "";

    public bool Written { get; init; }
}
