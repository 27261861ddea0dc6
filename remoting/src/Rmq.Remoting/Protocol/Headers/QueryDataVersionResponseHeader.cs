namespace Rmq.Remoting.Protocol.Headers;

/// <summary>QUERY_DATA_VERSION (322) response: whether the broker's version differs from the stored one.</summary>
public sealed record QueryDataVersionResponseHeader(bool Changed) : ICommandHeader<QueryDataVersionResponseHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("changed", Changed);

    public static QueryDataVersionResponseHeader Read(HeaderReader fields) => new(fields.RequiredBool("changed"));
}
