namespace Rmq.Remoting.Json;

/// <summary>How <see cref="FjWriter"/> lays out its output.</summary>
public enum FjFormat
{
    /// <summary>
    /// fastjson's default <c>JSON.toJSONString</c>: compact, string keys quoted, integer map keys
    /// unquoted (Q1), object keys as objects (Q3), non-ASCII written as is, control characters as
    /// <c>\u0001</c> (Q9). What every 4.x client and the Go client's raw-text brokerAddrs parser expect.
    /// </summary>
    Legacy,

    /// <summary>
    /// The form GET_ROUTEINFO_BY_TOPIC answers to version ≥ 401 clients (Q2: QuoteFieldNames,
    /// MapSortField, BrowserCompatible): every key quoted, non-ASCII escaped as <c>\uXXXX</c>, longs
    /// beyond ±2^53 written as strings. Callers write map entries sorted.
    /// </summary>
    Standard,

    /// <summary>Legacy keys and escaping, indented with tabs (Q8): CLI output and files on disk.</summary>
    Pretty,
}
