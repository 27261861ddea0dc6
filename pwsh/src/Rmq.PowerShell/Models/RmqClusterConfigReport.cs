namespace Rmq.PowerShell.Models;

/// <summary>The validation of a set of cluster config files (Test-RmqClusterConfig).</summary>
public sealed class RmqClusterConfigReport
{
    public string[] Files { get; init; } = [];

    public bool IsValid { get; init; }

    public int ErrorCount { get; init; }

    public int WarningCount { get; init; }

    public Rmq.Configuration.ConfigProblem[] Problems { get; init; } = [];
}
