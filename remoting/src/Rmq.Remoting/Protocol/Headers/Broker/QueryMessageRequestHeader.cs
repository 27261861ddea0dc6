namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>QUERY_MESSAGE (12): messages of a topic by key within a time range.</summary>
public sealed record QueryMessageRequestHeader : ICommandHeader<QueryMessageRequestHeader>
{
    public required string Topic { get; init; }

    public required string Key { get; init; }

    public int MaxNum { get; init; }

    public long BeginTimestamp { get; init; }

    public long EndTimestamp { get; init; }

    public static QueryMessageRequestHeader Read(HeaderReader fields) => new()
    {
        Topic = fields.RequiredString("topic"),
        Key = fields.RequiredString("key"),
        MaxNum = fields.RequiredInt("maxNum"),
        BeginTimestamp = fields.RequiredLong("beginTimestamp"),
        EndTimestamp = fields.RequiredLong("endTimestamp"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("key", Key);
        fields.Put("maxNum", MaxNum);
        fields.Put("beginTimestamp", BeginTimestamp);
        fields.Put("endTimestamp", EndTimestamp);
    }
}
