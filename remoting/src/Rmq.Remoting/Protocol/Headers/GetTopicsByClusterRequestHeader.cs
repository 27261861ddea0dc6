namespace Rmq.Remoting.Protocol.Headers;

/// <summary>GET_TOPICS_BY_CLUSTER (224) request.</summary>
public sealed record GetTopicsByClusterRequestHeader(string Cluster) : ICommandHeader<GetTopicsByClusterRequestHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("cluster", Cluster);

    public static GetTopicsByClusterRequestHeader Read(HeaderReader fields) => new(fields.RequiredString("cluster"));
}
