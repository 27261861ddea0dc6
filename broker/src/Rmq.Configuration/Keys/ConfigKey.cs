namespace Rmq.Configuration;

/// <summary>
/// One configuration key: its RocketMQ name, how its value is parsed, RocketMQ's default and an optional
/// validator. A machine-dependent default (host name, cores, home folder) is given by
/// <see cref="ComputedDefault"/> and described in <see cref="DefaultNote"/>.
/// </summary>
public sealed record ConfigKey(string Name, ConfigValueType Type, string? Default)
{
    /// <summary>Which RocketMQ object the key belongs to (BrokerConfig, MessageStoreConfig, NettyServerConfig, ...) or "rmq".</summary>
    public string Group { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>For <see cref="ConfigValueType.Enum"/>: the names Java accepts (case-sensitive, as Enum.valueOf).</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>Other spellings that set this key (e.g. mapedFileSizeCommitLog before RocketMQ 4.5.1).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>True for keys rmq adds that RocketMQ does not know (a Java broker ignores them).</summary>
    public bool IsRmqExtension { get; init; }

    /// <summary>How a machine-dependent default is computed (for docs and `--print` output).</summary>
    public string? DefaultNote { get; init; }

    /// <summary>Computes the default when <see cref="Default"/> is not fixed; may return null (no value).</summary>
    public Func<DefaultContext, string?>? ComputedDefault { get; init; }

    /// <summary>Checks a parsed value (int, long, bool, double or string); returns an error message or null.</summary>
    public Func<object, string?>? Validator { get; init; }

    /// <summary>The default for a machine and the other bound values.</summary>
    public string? DefaultFor(DefaultContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ComputedDefault is null ? Default : ComputedDefault(context);
    }

    internal static ConfigKey Str(string name, string? def, string description = "") => new(name, ConfigValueType.String, def) { Description = description };

    internal static ConfigKey Int(string name, int def, string description = "") => new(name, ConfigValueType.Int, def.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Description = description };

    internal static ConfigKey Long(string name, long def, string description = "") => new(name, ConfigValueType.Long, def.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Description = description };

    internal static ConfigKey Bool(string name, bool def, string description = "") => new(name, ConfigValueType.Bool, def ? "true" : "false") { Description = description };

    internal static ConfigKey Dbl(string name, double def, string description = "") => new(name, ConfigValueType.Double, def.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Description = description };

    internal static ConfigKey Enum(string name, string def, string[] allowed, string description = "") => new(name, ConfigValueType.Enum, def) { AllowedValues = allowed, Description = description };
}
