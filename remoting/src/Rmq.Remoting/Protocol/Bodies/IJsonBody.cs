using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>A body that writes itself as fastjson would, field by field, without reflection.</summary>
public interface IJsonBody
{
    /// <summary>Writes this body as one JSON value (fields in alphabetical order, nulls omitted).</summary>
    void WriteJson(FjWriter writer);
}

/// <summary>A body that can also be read back from the lenient DOM.</summary>
public interface IJsonBody<TSelf> : IJsonBody
    where TSelf : IJsonBody<TSelf>
{
    /// <summary>Reads the body from a parsed node; unknown fields are ignored, missing ones take Java's defaults.</summary>
    static abstract TSelf ReadJson(FjNode node);
}
