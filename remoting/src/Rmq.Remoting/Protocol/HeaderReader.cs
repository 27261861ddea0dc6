using System.Globalization;

namespace Rmq.Remoting.Protocol;

/// <summary>
/// Typed access to a command's custom header fields, with Java's parsing rules: integers in decimal,
/// booleans true only for "true" (any case). A missing required field or an unparsable value throws
/// <see cref="RemotingCommandException"/> with the remark RocketMQ gives.
/// </summary>
public readonly struct HeaderReader(IReadOnlyDictionary<string, string>? fields)
{
    public string? this[string name] =>
        fields is not null && fields.TryGetValue(name, out var value) ? value : null;

    public string RequiredString(string name) =>
        this[name] ?? throw Missing(name);

    public string? OptionalString(string name) => this[name];

    public int RequiredInt(string name) => ParseInt(name, RequiredString(name));

    public int? OptionalInt(string name) => this[name] is { } text ? ParseInt(name, text) : null;

    public long RequiredLong(string name) => ParseLong(name, RequiredString(name));

    public long? OptionalLong(string name) => this[name] is { } text ? ParseLong(name, text) : null;

    public bool RequiredBool(string name) => ParseBool(RequiredString(name));

    public bool? OptionalBool(string name) => this[name] is { } text ? ParseBool(text) : null;

    private static bool ParseBool(string text) => string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static int ParseInt(string name, string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RemotingCommandException($"the custom field <{name}> is not an integer: '{text}'");

    private static long ParseLong(string name, string text) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RemotingCommandException($"the custom field <{name}> is not a long: '{text}'");

    private static RemotingCommandException Missing(string name) => new($"the custom field <{name}> is null");
}
