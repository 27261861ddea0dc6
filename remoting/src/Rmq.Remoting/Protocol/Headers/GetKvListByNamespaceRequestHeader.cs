namespace Rmq.Remoting.Protocol.Headers;

/// <summary>GET_KVLIST_BY_NAMESPACE (219) request.</summary>
public sealed record GetKvListByNamespaceRequestHeader(string Namespace) : ICommandHeader<GetKvListByNamespaceRequestHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("namespace", Namespace);

    public static GetKvListByNamespaceRequestHeader Read(HeaderReader fields) => new(fields.RequiredString("namespace"));
}
