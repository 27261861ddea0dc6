using System.Text;

namespace Rmq.NameServer.Config;

/// <summary>Reads and writes the <c>key=value</c> lines of java.util.Properties text (what mqadmin sends).</summary>
public static class PropertiesText
{
    /// <summary>Parses lines; blank lines and <c>#</c>/<c>!</c> comments are skipped; the separator is the first '=' or ':'.</summary>
    public static Dictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var separator = line.IndexOfAny(['=', ':']);
            var key = separator < 0 ? line : line[..separator].Trim();
            var value = separator < 0 ? string.Empty : line[(separator + 1)..].Trim();
            if (key.Length > 0)
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <summary>Writes <c>key=value\n</c> for each entry, in the given order.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new StringBuilder();
        foreach (var (key, value) in entries)
        {
            builder.Append(key).Append('=').Append(value).Append('\n');
        }

        return builder.ToString();
    }
}
