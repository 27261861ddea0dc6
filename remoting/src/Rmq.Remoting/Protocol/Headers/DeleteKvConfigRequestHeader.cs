namespace Rmq.Remoting.Protocol.Headers;

/// <summary>DELETE_KV_CONFIG (102) request.</summary>
public sealed record DeleteKvConfigRequestHeader(string Namespace, string Key) : ICommandHeader<DeleteKvConfigRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("namespace", Namespace);
        fields.Put("key", Key);
    }

    public static DeleteKvConfigRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("namespace"), fields.RequiredString("key"));
}
