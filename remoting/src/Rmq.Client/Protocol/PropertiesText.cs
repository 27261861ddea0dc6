using System.Text;
using Rmq.Configuration;

namespace Rmq.Client.Protocol;

/// <summary>
/// java.util.Properties text as broker and name-server config bodies carry it (UPDATE/GET_BROKER_CONFIG,
/// UPDATE/GET_NAMESRV_CONFIG), through the shared properties reader and writer.
/// </summary>
public static class PropertiesText
{
    public static SortedDictionary<string, string> Parse(string? text) =>
        string.IsNullOrEmpty(text)
            ? new SortedDictionary<string, string>(StringComparer.Ordinal)
            : new SortedDictionary<string, string>(JavaProperties.Parse(text).ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    public static SortedDictionary<string, string> Parse(ReadOnlySpan<byte> utf8) => Parse(Encoding.UTF8.GetString(utf8));

    public static string Format(IEnumerable<KeyValuePair<string, string>> properties) => JavaPropertiesWriter.Write(properties);
}
