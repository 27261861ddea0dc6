using System.Text;

namespace Rmq.Store;

/// <summary>Property names and the <c>key\u0001value\u0002</c> codec (store.md §4).</summary>
public static class MessageProperties
{
    public const char NameValueSeparator = '\u0001';
    public const char PropertySeparator = '\u0002';
    public const string KEYS = "KEYS";
    public const string TAGS = "TAGS";
    public const string WAIT = "WAIT";
    public const string DELAY = "DELAY";
    public const string UNIQ_KEY = "UNIQ_KEY";
    public const string REAL_TOPIC = "REAL_TOPIC";
    public const string REAL_QID = "REAL_QID";
    public const string ScheduleTopic = "SCHEDULE_TOPIC_XXXX";

    internal static ReadOnlySpan<byte> KeysUtf8 => "KEYS"u8;
    internal static ReadOnlySpan<byte> TagsUtf8 => "TAGS"u8;
    internal static ReadOnlySpan<byte> DelayUtf8 => "DELAY"u8;
    internal static ReadOnlySpan<byte> UniqKeyUtf8 => "UNIQ_KEY"u8;

    /// <summary>Parses properties, accepting a trailing separator or not and skipping empty or valueless segments.</summary>
    public static Dictionary<string, string> Parse(string? properties)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(properties))
        {
            return result;
        }

        foreach (var segment in properties.Split(PropertySeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var sep = segment.IndexOf(NameValueSeparator, StringComparison.Ordinal);
            if (sep > 0)
            {
                result[segment[..sep]] = segment[(sep + 1)..];
            }
        }

        return result;
    }

    /// <summary>Encodes properties the 4.9.1+ way (no trailing separator).</summary>
    public static string Build(IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var sb = new StringBuilder();
        foreach (var (key, value) in properties)
        {
            if (sb.Length > 0)
            {
                sb.Append(PropertySeparator);
            }

            sb.Append(key).Append(NameValueSeparator).Append(value);
        }

        return sb.ToString();
    }

    /// <summary>Finds a property value in UTF-8 encoded properties without allocating.</summary>
    internal static bool TryFind(ReadOnlySpan<byte> properties, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        while (!properties.IsEmpty)
        {
            var end = properties.IndexOf((byte)PropertySeparator);
            var segment = end < 0 ? properties : properties[..end];
            var sep = segment.IndexOf((byte)NameValueSeparator);
            if (sep > 0 && segment[..sep].SequenceEqual(name))
            {
                value = segment[(sep + 1)..];
                return true;
            }

            if (end < 0)
            {
                break;
            }

            properties = properties[(end + 1)..];
        }

        value = default;
        return false;
    }
}
