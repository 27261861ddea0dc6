using System.Globalization;

namespace Rmq.Configuration;

/// <summary>
/// A properties file bound to a key table: every key of the table has a typed value (set or default), and
/// <see cref="Problems"/> lists what was wrong. Hosts build their option records from the typed getters,
/// e.g. <c>new NetworkOptions(cfg.GetInt(BrokerConfigKeys.ListenPort), ...)</c>, after checking
/// <see cref="HasErrors"/>.
/// </summary>
public sealed class BoundConfig
{
    private readonly Dictionary<string, BoundValue> _values;

    internal BoundConfig(string? source, ConfigKeyTable table, Dictionary<string, BoundValue> values,
        List<PropertyEntry> unknown, List<ConfigProblem> problems)
    {
        Source = source;
        Table = table;
        _values = values;
        UnknownEntries = unknown;
        ProblemList = problems;
    }

    /// <summary>The file the values came from, or null.</summary>
    public string? Source { get; }

    public ConfigKeyTable Table { get; }

    /// <summary>Every key of the table with its value, in table order.</summary>
    public IEnumerable<BoundValue> Values => Table.Keys.Select(k => _values[k.Name]);

    /// <summary>Lines whose key is not in the table (RocketMQ ignores them).</summary>
    public IReadOnlyList<PropertyEntry> UnknownEntries { get; }

    internal List<ConfigProblem> ProblemList { get; }

    public IReadOnlyList<ConfigProblem> Problems => ProblemList;

    public bool HasErrors => ProblemList.Any(p => p.IsError);

    public IEnumerable<ConfigProblem> Errors => ProblemList.Where(p => p.IsError);

    public IEnumerable<ConfigProblem> Warnings => ProblemList.Where(p => !p.IsError);

    public BoundValue Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Table.TryFind(key, out var k) && _values.TryGetValue(k.Name, out var v))
        {
            return v;
        }

        throw new KeyNotFoundException($"'{key}' is not a {Table.Name} key");
    }

    /// <summary>True when the file or an override set the key.</summary>
    public bool IsSet(string key) => Get(key).IsSet;

    /// <summary>The line that set the key, or null (default or override).</summary>
    public int? GetLine(string key) => Get(key).Line;

    public string? GetString(string key) => Get(key).Text;

    public int GetInt(string key) => Get(key).Value switch
    {
        int i => i,
        _ => throw TypeMismatch(key, "int"),
    };

    public long GetLong(string key) => Get(key).Value switch
    {
        long l => l,
        int i => i,
        _ => throw TypeMismatch(key, "long"),
    };

    public bool GetBool(string key) => Get(key).Value switch
    {
        bool b => b,
        _ => throw TypeMismatch(key, "bool"),
    };

    public double GetDouble(string key) => Get(key).Value switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => throw TypeMismatch(key, "double"),
    };

    /// <summary>An enum key's value name (one of <see cref="ConfigKey.AllowedValues"/>).</summary>
    public string GetEnum(string key)
    {
        var v = Get(key);
        return v.Key.Type == ConfigValueType.Enum && v.Value is string s ? s : throw TypeMismatch(key, "enum");
    }

    /// <summary>An enum key as a .NET enum whose member names are RocketMQ's (e.g. <see cref="BrokerRole"/>).</summary>
    public TEnum GetEnum<TEnum>(string key)
        where TEnum : struct, Enum
        => Enum.Parse<TEnum>(GetEnum(key), ignoreCase: false);

    /// <summary>The effective values as text (set or default), e.g. to answer GET_BROKER_CONFIG or print `-p`.</summary>
    public IReadOnlyDictionary<string, string?> ToDictionary() => Values.ToDictionary(v => v.Key.Name, v => v.Text, StringComparer.Ordinal);

    internal void Force(string key, object value)
    {
        var v = _values[key];
        string text = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        _values[key] = v with { Text = text, Value = value };
    }

    private InvalidOperationException TypeMismatch(string key, string wanted)
    {
        var v = Get(key);
        return new InvalidOperationException($"{Table.Name} key '{key}' is {v.Key.Type} (value '{v.Text}'), not {wanted}");
    }
}
