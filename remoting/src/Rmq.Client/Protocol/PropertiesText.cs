using System.Text;

namespace Rmq.Client.Protocol;

/// <summary>
/// java.util.Properties text as broker and name-server config bodies carry it (UPDATE/GET_BROKER_CONFIG,
/// UPDATE/GET_NAMESRV_CONFIG): <c>key=value</c> lines, <c>#</c>/<c>!</c> comments, <c>:</c> also a separator.
/// </summary>
public static class PropertiesText
{
    public static SortedDictionary<string, string> Parse(string? text)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return result;
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var split = line.IndexOfAny(['=', ':']);
            var key = split < 0 ? line : line[..split].TrimEnd();
            var value = split < 0 ? string.Empty : line[(split + 1)..].TrimStart();
            result[Unescape(key)] = Unescape(value);
        }

        return result;
    }

    public static SortedDictionary<string, string> Parse(ReadOnlySpan<byte> utf8) => Parse(Encoding.UTF8.GetString(utf8));

    /// <summary>Writes <c>key=value\n</c> lines, as Java's MixAll.properties2String does.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var builder = new StringBuilder();
        foreach (var (key, value) in properties)
        {
            builder.Append(key).Append('=').Append(value).Append('\n');
        }

        return builder.ToString();
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                builder.Append(text[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => text[i] });
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
