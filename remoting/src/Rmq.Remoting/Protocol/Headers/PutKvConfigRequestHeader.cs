namespace Rmq.Remoting.Protocol.Headers;

/// <summary>PUT_KV_CONFIG (100) request.</summary>
public sealed record PutKvConfigRequestHeader(string Namespace, string Key, string Value) : ICommandHeader<PutKvConfigRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("namespace", Namespace);
        fields.Put("key", Key);
        fields.Put("value", Value);
    }

    public static PutKvConfigRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("namespace"), fields.RequiredString("key"), fields.RequiredString("value"));
}
