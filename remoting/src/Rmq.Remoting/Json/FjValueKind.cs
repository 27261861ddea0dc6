namespace Rmq.Remoting.Json;

/// <summary>The kind of a JSON scalar.</summary>
public enum FjValueKind
{
    Null,
    String,
    Number,
    True,
    False,
}
