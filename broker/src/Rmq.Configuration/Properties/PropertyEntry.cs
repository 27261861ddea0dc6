namespace Rmq.Configuration;

/// <summary>One key/value pair as read from a properties text, with the line it starts on (1-based).</summary>
public sealed record PropertyEntry(string Key, string Value, int Line)
{
    /// <summary>The last natural line of the entry (differs from <see cref="Line"/> for continued lines).</summary>
    public int EndLine { get; init; } = Line;
}
