using Rmq.Client.NameServer;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>The -NameServer parameter: several addresses, each item may itself be "a:9876;b:9876".</summary>
internal static class NameServerList
{
    /// <summary>The distinct addresses of <paramref name="values"/> in order; NAMESRV_ADDR when none is given.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string>? values)
    {
        var joined = values is null ? null : string.Join(';', values.Where(v => !string.IsNullOrWhiteSpace(v)));
        return NameServerAddresses.Parse(joined);
    }

    /// <summary>How the list appears in the NameServer property of output objects, so it binds back.</summary>
    public static string Format(IEnumerable<string> addresses) => string.Join(';', addresses);
}
