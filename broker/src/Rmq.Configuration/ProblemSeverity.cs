namespace Rmq.Configuration;

/// <summary>How bad a configuration problem is. A configuration is usable when it has no errors.</summary>
public enum ProblemSeverity
{
    Warning,
    Error,
}
