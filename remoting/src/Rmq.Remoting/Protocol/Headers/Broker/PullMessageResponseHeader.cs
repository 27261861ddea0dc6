namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>PULL_MESSAGE response: always all four fields, for every pull status code.</summary>
public sealed record PullMessageResponseHeader : ICommandHeader<PullMessageResponseHeader>
{
    public long SuggestWhichBrokerId { get; init; }

    public long NextBeginOffset { get; init; }

    public long MinOffset { get; init; }

    public long MaxOffset { get; init; }

    public static PullMessageResponseHeader Read(HeaderReader fields) => new()
    {
        SuggestWhichBrokerId = fields.RequiredLong("suggestWhichBrokerId"),
        NextBeginOffset = fields.RequiredLong("nextBeginOffset"),
        MinOffset = fields.RequiredLong("minOffset"),
        MaxOffset = fields.RequiredLong("maxOffset"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("suggestWhichBrokerId", SuggestWhichBrokerId);
        fields.Put("nextBeginOffset", NextBeginOffset);
        fields.Put("minOffset", MinOffset);
        fields.Put("maxOffset", MaxOffset);
    }
}
