using System.Text;

namespace Rmq.Configuration;

/// <summary>
/// One problem found while reading, binding or validating configuration. <see cref="Code"/> is a stable
/// identifier (e.g. <c>unknown-key</c>) that tools and tests can match on; <see cref="Message"/> is for people.
/// </summary>
public sealed record ConfigProblem(ProblemSeverity Severity, string Code, string? File, int? Line, string? Key, string Message)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary><c>file:line: key: message</c>; parts that are unknown are left out.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (File is not null)
        {
            sb.Append(File);
            if (Line is { } line)
            {
                sb.Append(':').Append(line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            sb.Append(": ");
        }

        if (Key is not null)
        {
            sb.Append(Key).Append(": ");
        }

        sb.Append(Severity == ProblemSeverity.Error ? "error: " : "warning: ");
        sb.Append(Message);
        return sb.ToString();
    }
}
