namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>VIEW_MESSAGE_BY_ID (33): the commit-log offset decoded from an offset message id.</summary>
public sealed record ViewMessageRequestHeader : ICommandHeader<ViewMessageRequestHeader>
{
    public long Offset { get; init; }

    public static ViewMessageRequestHeader Read(HeaderReader fields) => new()
    {
        Offset = fields.RequiredLong("offset"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("offset", Offset);
    }
}
