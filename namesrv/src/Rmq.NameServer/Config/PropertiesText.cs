using Rmq.Configuration;

namespace Rmq.NameServer.Config;

/// <summary>
/// The properties text of GET/UPDATE_NAMESRV_CONFIG bodies and of namesrv.properties, through the
/// shared java.util.Properties reader and writer.
/// </summary>
public static class PropertiesText
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JavaProperties.Parse(text).ToDictionary();
    }

    public static string Format(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return JavaPropertiesWriter.Write(entries);
    }
}
