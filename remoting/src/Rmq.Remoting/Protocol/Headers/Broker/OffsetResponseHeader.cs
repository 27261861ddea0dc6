namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>The answer of QUERY_CONSUMER_OFFSET, GET_MAX_OFFSET, GET_MIN_OFFSET and SEARCH_OFFSET_BY_TIMESTAMP.</summary>
public sealed record OffsetResponseHeader : ICommandHeader<OffsetResponseHeader>
{
    public long Offset { get; init; }

    public static OffsetResponseHeader Read(HeaderReader fields) => new()
    {
        Offset = fields.RequiredLong("offset"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("offset", Offset);
    }
}
