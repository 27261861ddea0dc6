namespace Rmq.Client.NameServer;

/// <summary>Parses name-server address lists as RocketMQ writes them: <c>"a:9876;b:9876"</c>.</summary>
public static class NameServerAddresses
{
    /// <summary>The environment variable used when no list is given.</summary>
    public const string EnvironmentVariable = "NAMESRV_ADDR";

    /// <summary>
    /// The addresses of <paramref name="addresses"/> (separated by ';', ',' or whitespace), or of
    /// NAMESRV_ADDR when it is empty.
    /// </summary>
    /// <exception cref="MQClientException">Neither gives an address.</exception>
    public static IReadOnlyList<string> Parse(string? addresses)
    {
        var text = string.IsNullOrWhiteSpace(addresses) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : addresses;
        var list = (text ?? string.Empty)
            .Split([';', ',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return list.Length > 0
            ? list
            : throw new MQClientException($"No name server address, set it with the name server list or the {EnvironmentVariable} environment variable");
    }
}
