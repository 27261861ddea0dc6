namespace Rmq.Configuration;

/// <summary>An explicit table of keys (broker or name server), looked up by name or old spelling.</summary>
public sealed class ConfigKeyTable
{
    private readonly Dictionary<string, ConfigKey> _byName = new(StringComparer.Ordinal);

    internal ConfigKeyTable(string name, IEnumerable<ConfigKey> keys, Action<BindingRules>? rules = null)
    {
        Name = name;
        var list = keys.ToList();
        foreach (var key in list)
        {
            _byName.Add(key.Name, key);
            foreach (var alias in key.Aliases)
            {
                _byName.Add(alias, key);
            }
        }

        Keys = list;
        Rules = rules;
    }

    /// <summary>"broker" or "namesrv".</summary>
    public string Name { get; }

    public IReadOnlyList<ConfigKey> Keys { get; }

    internal Action<BindingRules>? Rules { get; }

    /// <summary>Finds a key by its name or an old spelling.</summary>
    public bool TryFind(string name, out ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName.TryGetValue(name, out var found))
        {
            key = found;
            return true;
        }

        key = null!;
        return false;
    }

    public ConfigKey this[string name] => TryFind(name, out var key) ? key : throw new KeyNotFoundException($"'{name}' is not a {Name} key");

    /// <summary>The closest known key by edit distance (case-insensitive), if close enough to be a likely typo.</summary>
    public string? Suggest(string unknown)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in _byName.Keys)
        {
            int d = EditDistance.Compute(unknown.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        int limit = Math.Max(2, unknown.Length / 3);
        if (best is null || bestDistance > limit)
        {
            return null;
        }

        return TryFind(best, out var key) ? key.Name : best;
    }
}
