using System.Globalization;
using System.Text;

namespace Rmq.Configuration;

/// <summary>
/// Writes <c>key=value</c> lines that java.util.Properties reads back to the same pairs. Escapes only what
/// must be escaped (backslash, line breaks, tab/form feed, blanks/separators in keys, a leading blank or a
/// leading # / ! ), so values such as <c>127.0.0.1:9876;127.0.0.2:9876</c> stay readable; trailing blanks
/// in values are written as they are (Java keeps them on read).
/// </summary>
public static class JavaPropertiesWriter
{
    /// <summary>One line per pair, <c>key=value\n</c> (or <c>key = value\n</c> when <paramref name="spaced"/>), in the given order.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> pairs, bool spaced = false, bool asciiOnly = true)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var sb = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            sb.Append(FormatLine(key, value, spaced, asciiOnly)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>One line without its line break.</summary>
    public static string FormatLine(string key, string value, bool spaced = false, bool asciiOnly = true)
        => EscapeKey(key, asciiOnly) + (spaced ? " = " : "=") + EscapeValue(value, asciiOnly);

    public static string EscapeKey(string key, bool asciiOnly = true)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sb = new StringBuilder(key.Length);
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c is ' ' or '=' or ':' || (i == 0 && c is '#' or '!'))
            {
                sb.Append('\\').Append(c);
            }
            else
            {
                AppendChar(sb, c, asciiOnly);
            }
        }

        return sb.ToString();
    }

    public static string EscapeValue(string value, bool asciiOnly = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (i == 0 && c == ' ')
            {
                sb.Append("\\ ");
            }
            else
            {
                AppendChar(sb, c, asciiOnly);
            }
        }

        return sb.ToString();
    }

    private static void AppendChar(StringBuilder sb, char c, bool asciiOnly)
    {
        switch (c)
        {
            case '\\': sb.Append("\\\\"); break;
            case '\t': sb.Append("\\t"); break;
            case '\n': sb.Append("\\n"); break;
            case '\r': sb.Append("\\r"); break;
            case '\f': sb.Append("\\f"); break;
            default:
                if (c < 0x20 || (asciiOnly && c > 0x7e))
                {
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }

                break;
        }
    }
}
