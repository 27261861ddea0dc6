using System.Text;

namespace Rmq.Client.Messages;

/// <summary>
/// The properties string of a message: <c>name 0x01 value 0x02 name 0x01 value</c>
/// (MessageDecoder.messageProperties2String / string2messageProperties).
/// </summary>
public static class MessageProperties
{
    /// <summary>
    /// Encodes as Java 4.9.1+ does: separators between entries, no trailing 0x02.
    /// Entries with a null value are skipped.
    /// </summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var builder = new StringBuilder();
        foreach (var (name, value) in properties)
        {
            if (value is null)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(MessageConst.PropertySeparator);
            }

            builder.Append(name).Append(MessageConst.NameValueSeparator).Append(value);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes with or without a trailing 0x02; empty segments and segments without a 0x01 are skipped;
    /// a later duplicate name wins.
    /// </summary>
    public static Dictionary<string, string> Decode(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return result;
        }

        foreach (var segment in text.Split(MessageConst.PropertySeparator))
        {
            var split = segment.IndexOf(MessageConst.NameValueSeparator, StringComparison.Ordinal);
            if (split <= 0)
            {
                continue;
            }

            result[segment[..split]] = segment[(split + 1)..];
        }

        return result;
    }

    /// <summary>Decodes UTF-8 property bytes.</summary>
    public static Dictionary<string, string> Decode(ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty ? new Dictionary<string, string>(StringComparer.Ordinal) : Decode(Encoding.UTF8.GetString(utf8));
}
