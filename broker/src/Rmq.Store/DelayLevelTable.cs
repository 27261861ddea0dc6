using System.Globalization;

namespace Rmq.Store;

/// <summary>Parses <c>messageDelayLevel</c> ("1s 5s ... 2h") into milliseconds per level.</summary>
internal static class DelayLevelTable
{
    public static long[] Parse(string levels)
    {
        var result = new List<long>();
        foreach (var token in levels.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var unit = token[^1] switch
            {
                's' => 1000L,
                'm' => 60_000L,
                'h' => 3_600_000L,
                'd' => 86_400_000L,
                _ => throw new FormatException($"bad delay level '{token}'"),
            };
            result.Add(long.Parse(token.AsSpan(0, token.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture) * unit);
        }

        return [.. result];
    }
}
