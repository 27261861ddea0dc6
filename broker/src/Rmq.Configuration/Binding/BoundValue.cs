namespace Rmq.Configuration;

/// <summary>
/// The value a key ended up with: <see cref="Text"/> as written (or the default), <see cref="Value"/> parsed
/// (int, long, bool, double or string; enums as their name), whether the file/overrides set it, and where.
/// </summary>
public sealed record BoundValue(ConfigKey Key, string? Text, object? Value, bool IsSet, int? Line, string? SpelledAs)
{
    /// <summary>"file", "override" or "default".</summary>
    public string Origin { get; init; } = IsSet ? "file" : "default";
}
