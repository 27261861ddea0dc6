namespace Rmq.Remoting.Protocol.Headers;

/// <summary>GET_KV_CONFIG (101) response: the value, when found.</summary>
public sealed record GetKvConfigResponseHeader(string? Value) : ICommandHeader<GetKvConfigResponseHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("value", Value);

    public static GetKvConfigResponseHeader Read(HeaderReader fields) => new(fields.OptionalString("value"));
}
