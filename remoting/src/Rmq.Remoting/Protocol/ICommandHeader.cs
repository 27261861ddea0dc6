namespace Rmq.Remoting.Protocol;

/// <summary>A typed custom header that writes its fields as strings, as Java's <c>String.valueOf</c> would.</summary>
public interface ICommandHeader
{
    /// <summary>Writes every non-null field by name.</summary>
    void Write(IDictionary<string, string> fields);
}

/// <summary>A typed custom header that can also be read back, without reflection.</summary>
public interface ICommandHeader<TSelf> : ICommandHeader
    where TSelf : ICommandHeader<TSelf>
{
    static abstract TSelf Read(HeaderReader fields);
}
