namespace Rmq.Broker.Stats;

/// <summary>
/// A stats key as a value: <c>topic</c>, or <c>topic@group</c> when <see cref="Secondary"/> is set. Looking an item
/// up by this struct allocates nothing, where building RocketMQ's <c>topic@group</c> string would on every pull.
/// </summary>
public readonly record struct StatsKey(string Primary, string? Secondary = null)
{
    public const char Separator = '@';

    /// <summary>Splits RocketMQ's string form at the first <c>@</c> (topic and group names cannot contain one).</summary>
    public static StatsKey Parse(string statsKey)
    {
        ArgumentNullException.ThrowIfNull(statsKey);
        var at = statsKey.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? new StatsKey(statsKey) : new StatsKey(statsKey[..at], statsKey[(at + 1)..]);
    }

    public override string ToString() => Secondary is null ? Primary : Primary + Separator + Secondary;
}
