namespace Rmq.Configuration;

/// <summary>What <see cref="ClusterConfigValidator"/> found: the files read and every problem. Clean = no errors.</summary>
public sealed record ValidationReport(IReadOnlyList<string> Files, IReadOnlyList<ConfigProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);

    public bool IsClean => !HasErrors;

    public int ErrorCount => Problems.Count(p => p.IsError);

    public int WarningCount => Problems.Count(p => !p.IsError);
}
