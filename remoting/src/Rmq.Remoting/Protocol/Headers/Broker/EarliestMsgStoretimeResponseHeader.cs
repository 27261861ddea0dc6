namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>The answer of GET_EARLIEST_MSG_STORETIME (32).</summary>
public sealed record EarliestMsgStoretimeResponseHeader : ICommandHeader<EarliestMsgStoretimeResponseHeader>
{
    public long Timestamp { get; init; }

    public static EarliestMsgStoretimeResponseHeader Read(HeaderReader fields) => new()
    {
        Timestamp = fields.RequiredLong("timestamp"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("timestamp", Timestamp);
    }
}
