namespace Rmq.Remoting.Json;

/// <summary>
/// A node of the small DOM produced by <see cref="FjReader"/>: an <see cref="FjObject"/>, an
/// <see cref="FjArray"/> or a scalar <see cref="FjValue"/>. Typed getters are lenient the way
/// fastjson's are (quirk Q6): a number may come quoted, a boolean as "true" or 1.
/// </summary>
public abstract class FjNode
{
    private protected FjNode()
    {
    }

    /// <summary>This node as an object, or null when it is something else.</summary>
    public FjObject? AsObject() => this as FjObject;

    /// <summary>This node as an array, or null when it is something else.</summary>
    public FjArray? AsArray() => this as FjArray;

    /// <summary>This node as a scalar, or null when it is an object or an array.</summary>
    public FjValue? AsValue() => this as FjValue;

    /// <summary>True for a JSON null literal.</summary>
    public bool IsNull => this is FjValue { Kind: FjValueKind.Null };

    /// <summary>The node's text for a scalar (null for JSON null); compact JSON text for an object or array.</summary>
    public abstract string? GetString();

    public abstract long GetInt64();

    public int GetInt32() => checked((int)GetInt64());

    public abstract double GetDouble();

    public abstract bool GetBoolean();

    /// <summary>Writes this node (and everything below it) through <paramref name="writer"/>.</summary>
    public abstract void WriteTo(FjWriter writer);

    /// <summary>Compact JSON in the legacy (fastjson default) form.</summary>
    public override string ToString()
    {
        var writer = new FjWriter(FjFormat.Legacy);
        WriteTo(writer);
        return writer.ToString();
    }

    private protected FjException NotA(string what) => new($"a JSON {Describe()} is not {what}");

    private protected virtual string Describe() => GetType().Name;
}
