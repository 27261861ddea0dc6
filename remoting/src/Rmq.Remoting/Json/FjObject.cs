using System.Collections;

namespace Rmq.Remoting.Json;

/// <summary>
/// A JSON object as fastjson may write it: keys are usually strings, but may be unquoted numbers
/// (quirk Q1) or whole objects (quirk Q3), so each entry keeps its key as a node. Entries keep their
/// input order; a repeated key replaces the earlier value, as in fastjson.
/// </summary>
public sealed class FjObject : FjNode, IReadOnlyList<KeyValuePair<FjNode, FjNode>>
{
    private readonly List<KeyValuePair<FjNode, FjNode>> _entries = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public KeyValuePair<FjNode, FjNode> this[int index] => _entries[index];

    /// <summary>The value under a string or numeric key, or null when absent.</summary>
    public FjNode? this[string name] => _byName.TryGetValue(name, out var index) ? _entries[index].Value : null;

    /// <summary>Adds an entry; a key already present (by its text) is replaced in place.</summary>
    public void Add(FjNode key, FjNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        value ??= FjValue.Null;
        if (key is FjValue { Kind: not FjValueKind.Null } scalar)
        {
            var name = scalar.Text!;
            if (_byName.TryGetValue(name, out var existing))
            {
                _entries[existing] = new(key, value);
                return;
            }

            _byName[name] = _entries.Count;
        }

        _entries.Add(new(key, value));
    }

    public void Add(string name, FjNode value) => Add(FjValue.String(name), value);

    public bool TryGetValue(string name, out FjNode value)
    {
        if (_byName.TryGetValue(name, out var index))
        {
            value = _entries[index].Value;
            return true;
        }

        value = FjValue.Null;
        return false;
    }

    public bool ContainsKey(string name) => _byName.ContainsKey(name);

    /// <summary>The string value of a field; null when absent or JSON null.</summary>
    public string? GetString(string name) => this[name] is { IsNull: false } node ? node.GetString() : null;

    public int GetInt32(string name, int defaultValue = 0) => this[name] is { IsNull: false } node ? node.GetInt32() : defaultValue;

    public long GetInt64(string name, long defaultValue = 0) => this[name] is { IsNull: false } node ? node.GetInt64() : defaultValue;

    public bool GetBoolean(string name, bool defaultValue = false) => this[name] is { IsNull: false } node ? node.GetBoolean() : defaultValue;

    public double GetDouble(string name, double defaultValue = 0) => this[name] is { IsNull: false } node ? node.GetDouble() : defaultValue;

    /// <summary>The object under a field; null when absent or JSON null; throws when it is not an object.</summary>
    public FjObject? GetObject(string name) => this[name] switch
    {
        null or { IsNull: true } => null,
        FjObject value => value,
        var other => throw new FjException($"field '{name}' is not an object: {other}"),
    };

    /// <summary>The array under a field; null when absent or JSON null; throws when it is not an array.</summary>
    public FjArray? GetArray(string name) => this[name] switch
    {
        null or { IsNull: true } => null,
        FjArray value => value,
        var other => throw new FjException($"field '{name}' is not an array: {other}"),
    };

    public IEnumerator<KeyValuePair<FjNode, FjNode>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string? GetString() => ToString();

    public override long GetInt64() => throw NotA("an integer");

    public override double GetDouble() => throw NotA("a number");

    public override bool GetBoolean() => throw NotA("a boolean");

    public override void WriteTo(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (key, value) in _entries)
        {
            switch (key)
            {
                case FjValue { Kind: FjValueKind.Number } number:
                    writer.WriteRawNumberKey(number.Text!);
                    break;
                case FjValue scalar:
                    writer.WritePropertyName(scalar.Text ?? "null");
                    break;
                default:
                    writer.WriteKeyNode(key);
                    break;
            }

            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private protected override string Describe() => "object";
}
