using System.Globalization;
using System.Text;

namespace Rmq.Configuration;

/// <summary>
/// A properties file read with java.util.Properties semantics (see <see cref="Parse"/>), keeping the line
/// each key came from. Later duplicates win, as in Java; each duplicate is reported in <see cref="Problems"/>
/// as a warning naming both lines.
/// </summary>
public sealed class JavaProperties
{
    /// <summary>Files are decoded as ISO-8859-1, as java.util.Properties.load(InputStream) does; use \uXXXX for other characters.</summary>
    public static readonly Encoding FileEncoding = Encoding.Latin1;

    private readonly Dictionary<string, PropertyEntry> _byKey;

    private JavaProperties(string? source, List<PropertyEntry> entries, List<ConfigProblem> problems)
    {
        Source = source;
        AllEntries = entries;
        _byKey = new Dictionary<string, PropertyEntry>(StringComparer.Ordinal);
        var effective = new List<string>();
        foreach (var entry in entries)
        {
            if (_byKey.TryGetValue(entry.Key, out var earlier))
            {
                problems.Add(new ConfigProblem(ProblemSeverity.Warning, "duplicate-key", source, entry.Line, entry.Key,
                    string.Create(CultureInfo.InvariantCulture,
                        $"set on line {earlier.Line} and again on line {entry.Line}; line {entry.Line} wins (value '{entry.Value}')")));
            }
            else
            {
                effective.Add(entry.Key);
            }

            _byKey[entry.Key] = entry;
        }

        Keys = effective;
        Problems = problems;
    }

    /// <summary>Where the text came from (a file path), used in problem messages; null for text.</summary>
    public string? Source { get; }

    /// <summary>Every key/value line in file order, duplicates included.</summary>
    public IReadOnlyList<PropertyEntry> AllEntries { get; }

    /// <summary>Distinct keys in the order they first appear.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The effective entries (the last one per key), in the order keys first appear.</summary>
    public IEnumerable<PropertyEntry> Entries => Keys.Select(k => _byKey[k]);

    /// <summary>Duplicate keys (warnings) and malformed \u escapes (errors).</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }

    public int Count => Keys.Count;

    /// <summary>The effective value of a key, or null.</summary>
    public string? this[string key] => _byKey.TryGetValue(key, out var e) ? e.Value : null;

    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    public bool TryGetEntry(string key, out PropertyEntry entry)
    {
        if (_byKey.TryGetValue(key, out var found))
        {
            entry = found;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>Reads properties text; <paramref name="source"/> names it in problems.</summary>
    public static JavaProperties Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (raw, problems) = PropertiesParser.Parse(text, source);
        var entries = raw.Select(r => new PropertyEntry(r.Key, r.Value, r.Line) { EndLine = r.EndLine }).ToList();
        return new JavaProperties(source, entries, problems);
    }

    /// <summary>Reads a file (ISO-8859-1, as Java does). The path becomes <see cref="Source"/>.</summary>
    public static JavaProperties Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path, FileEncoding), path);
    }

    /// <summary>Builds properties from pairs (e.g. command-line overrides); no line numbers.</summary>
    public static JavaProperties FromPairs(IEnumerable<KeyValuePair<string, string>> pairs, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var entries = pairs.Select(p => new PropertyEntry(p.Key, p.Value, 0)).ToList();
        return new JavaProperties(source, entries, []);
    }

    /// <summary>The effective pairs as a dictionary.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() => Keys.ToDictionary(k => k, k => _byKey[k].Value, StringComparer.Ordinal);
}
