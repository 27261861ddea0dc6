namespace Rmq.Configuration;

/// <summary>How a key's text is parsed (Java's int/long/boolean/double/String, plus enums given as names).</summary>
public enum ConfigValueType
{
    String,
    Int,
    Long,
    Bool,
    Double,
    Enum,
}
