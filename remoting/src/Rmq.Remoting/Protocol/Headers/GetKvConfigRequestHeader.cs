namespace Rmq.Remoting.Protocol.Headers;

/// <summary>GET_KV_CONFIG (101) request.</summary>
public sealed record GetKvConfigRequestHeader(string Namespace, string Key) : ICommandHeader<GetKvConfigRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("namespace", Namespace);
        fields.Put("key", Key);
    }

    public static GetKvConfigRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("namespace"), fields.RequiredString("key"));
}
