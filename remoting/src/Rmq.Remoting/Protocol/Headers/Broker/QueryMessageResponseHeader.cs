namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>QUERY_MESSAGE (12) response.</summary>
public sealed record QueryMessageResponseHeader : ICommandHeader<QueryMessageResponseHeader>
{
    public long IndexLastUpdateTimestamp { get; init; }

    public long IndexLastUpdatePhyoffset { get; init; }

    public static QueryMessageResponseHeader Read(HeaderReader fields) => new()
    {
        IndexLastUpdateTimestamp = fields.RequiredLong("indexLastUpdateTimestamp"),
        IndexLastUpdatePhyoffset = fields.RequiredLong("indexLastUpdatePhyoffset"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("indexLastUpdateTimestamp", IndexLastUpdateTimestamp);
        fields.Put("indexLastUpdatePhyoffset", IndexLastUpdatePhyoffset);
    }
}
