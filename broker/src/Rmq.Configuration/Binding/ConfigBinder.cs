using System.Globalization;

namespace Rmq.Configuration;

/// <summary>
/// Binds properties to a key table. Where RocketMQ silently ignores a line (unknown key, unparsable value,
/// an enum name with a trailing blank), rmq binds the default as Java would and reports the line: unknown
/// keys as warnings (with a "did you mean"), bad values as errors.
/// </summary>
public static class ConfigBinder
{
    /// <summary>Binds <paramref name="properties"/>; <paramref name="overrides"/> (command-line options such as -n) win over the file.</summary>
    public static BoundConfig Bind(JavaProperties properties, ConfigKeyTable table,
        IReadOnlyDictionary<string, string>? overrides = null, MachineInfo? machine = null)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(table);
        machine ??= MachineInfo.Current;
        string? source = properties.Source;
        var problems = new List<ConfigProblem>(properties.Problems);
        var unknown = new List<PropertyEntry>();
        var set = new Dictionary<string, BoundValue>(StringComparer.Ordinal);

        foreach (var entry in properties.Entries)
        {
            if (!table.TryFind(entry.Key, out var key))
            {
                unknown.Add(entry);
                string? suggestion = table.Suggest(entry.Key);
                problems.Add(new ConfigProblem(ProblemSeverity.Warning, "unknown-key", source, entry.Line, entry.Key,
                    $"unknown {table.Name} key, ignored" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?")));
                continue;
            }

            if (set.TryGetValue(key.Name, out var other))
            {
                // two spellings of one key: the current spelling wins
                bool currentIsCanonical = entry.Key == key.Name;
                var (winner, loser) = currentIsCanonical ? (entry.Key, other.SpelledAs) : (other.SpelledAs, entry.Key);
                problems.Add(new ConfigProblem(ProblemSeverity.Warning, "duplicate-key", source, entry.Line, entry.Key,
                    $"'{loser}' and '{winner}' both set {key.Name}; '{key.Name}' wins"));
                if (!currentIsCanonical)
                {
                    continue;
                }
            }

            var bound = Parse(key, entry.Value, source, entry.Line, entry.Key, problems);
            if (bound is not null)
            {
                set[key.Name] = bound;
            }
        }

        if (overrides is not null)
        {
            foreach (var (name, text) in overrides)
            {
                if (!table.TryFind(name, out var key))
                {
                    string? suggestion = table.Suggest(name);
                    problems.Add(new ConfigProblem(ProblemSeverity.Error, "unknown-key", "(override)", null, name,
                        $"unknown {table.Name} key" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?")));
                    continue;
                }

                var bound = Parse(key, text, "(override)", null, name, problems);
                if (bound is not null)
                {
                    set[key.Name] = bound with { Origin = "override" };
                }
            }
        }

        var values = new Dictionary<string, BoundValue>(StringComparer.Ordinal);
        var resolving = new HashSet<string>(StringComparer.Ordinal);
        DefaultContext? context = null;
        string? ValueOf(string name)
        {
            if (!table.TryFind(name, out var key))
            {
                return null;
            }

            if (set.TryGetValue(key.Name, out var s))
            {
                return s.Text;
            }

            if (values.TryGetValue(key.Name, out var v))
            {
                return v.Text;
            }

            if (!resolving.Add(key.Name))
            {
                throw new InvalidOperationException($"cyclic default for '{key.Name}'");
            }

            string? text = key.DefaultFor(context!);
            values[key.Name] = new BoundValue(key, text, text is null ? null : ParseDefault(key, text), false, null, null);
            resolving.Remove(key.Name);
            return text;
        }

        context = new DefaultContext(machine, ValueOf);
        foreach (var key in table.Keys)
        {
            if (set.TryGetValue(key.Name, out var s))
            {
                values[key.Name] = s;
            }
            else
            {
                ValueOf(key.Name);
            }
        }

        var config = new BoundConfig(source, table, values, unknown, problems);
        table.Rules?.Invoke(new BindingRules(config));
        return config;
    }

    /// <summary>Loads a file and binds it.</summary>
    public static BoundConfig BindFile(string path, ConfigKeyTable table,
        IReadOnlyDictionary<string, string>? overrides = null, MachineInfo? machine = null)
        => Bind(JavaProperties.Load(path), table, overrides, machine);

    private static BoundValue? Parse(ConfigKey key, string text, string? source, int? line, string spelledAs, List<ConfigProblem> problems)
    {
        var result = TryParse(key, text, out string? expected);
        if (result is null)
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "bad-value", source, line, spelledAs,
                $"'{text}' is not {expected}{TrailingBlankNote(text)}; RocketMQ ignores this line and uses the default ({key.Default ?? key.DefaultNote ?? "none"})"));
            return null;
        }

        if (key.Validator?.Invoke(result) is { } message)
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "invalid-value", source, line, spelledAs, $"'{text}': {message}"));
            return null;
        }

        if (key.Type == ConfigValueType.String && text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Warning, "trailing-blank", source, line, spelledAs,
                $"value '{text}'{TrailingBlankNote(text)}; RocketMQ keeps it as part of the value"));
        }

        return new BoundValue(key, text, result, true, line, spelledAs);
    }

    private static object ParseDefault(ConfigKey key, string text)
        => TryParse(key, text, out _) ?? throw new InvalidOperationException($"default '{text}' of '{key.Name}' does not parse as {key.Type}");

    /// <summary>Parses like Java's Integer.parseInt / Long.parseLong / Double.parseDouble, except that a boolean must be true or false.</summary>
    internal static object? TryParse(ConfigKey key, string text, out string? expected)
    {
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        var inv = CultureInfo.InvariantCulture;
        switch (key.Type)
        {
            case ConfigValueType.Int:
                expected = "an int (32-bit integer)";
                return int.TryParse(text, integer, inv, out int i) ? i : null;
            case ConfigValueType.Long:
                expected = "a long (64-bit integer)";
                return long.TryParse(text, integer, inv, out long l) ? l : null;
            case ConfigValueType.Double:
                expected = "a number";
                return double.TryParse(text.Trim(), NumberStyles.Float, inv, out double d) ? d : null;
            case ConfigValueType.Bool:
                expected = "a boolean (true or false)";
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false : null;
            case ConfigValueType.Enum:
                string? match = key.AllowedValues.FirstOrDefault(a => string.Equals(a, text, StringComparison.Ordinal));
                string? caseless = key.AllowedValues.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase));
                expected = "one of " + string.Join(", ", key.AllowedValues)
                    + (caseless is not null && caseless != text.Trim() ? $" (did you mean '{caseless}'?)" : "");
                return match;
            default:
                expected = "a string";
                return text;
        }
    }

    private static string TrailingBlankNote(string text)
    {
        int n = 0;
        while (n < text.Length && char.IsWhiteSpace(text[text.Length - 1 - n]))
        {
            n++;
        }

        return n == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" (it ends with {n} trailing blank{(n == 1 ? "" : "s")})");
    }
}
