using System.Collections;

namespace Rmq.Remoting.Json;

/// <summary>A JSON array.</summary>
public sealed class FjArray : FjNode, IReadOnlyList<FjNode>
{
    private readonly List<FjNode> _items;

    public FjArray()
    {
        _items = [];
    }

    public FjArray(IEnumerable<FjNode> items)
    {
        _items = [.. items];
    }

    public int Count => _items.Count;

    public FjNode this[int index] => _items[index];

    public void Add(FjNode item) => _items.Add(item ?? FjValue.Null);

    public IEnumerator<FjNode> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The elements as strings (nulls skipped), e.g. a TopicList.</summary>
    public List<string> ToStringList()
    {
        var list = new List<string>(_items.Count);
        foreach (var item in _items)
        {
            if (item.GetString() is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    public override string? GetString() => ToString();

    public override long GetInt64() => throw NotA("an integer");

    public override double GetDouble() => throw NotA("a number");

    public override bool GetBoolean() => throw NotA("a boolean");

    public override void WriteTo(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var item in _items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    private protected override string Describe() => "array";
}
