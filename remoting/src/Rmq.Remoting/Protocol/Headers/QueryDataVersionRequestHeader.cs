namespace Rmq.Remoting.Protocol.Headers;

/// <summary>QUERY_DATA_VERSION (322) request; the body is the broker's DataVersion.</summary>
public sealed record QueryDataVersionRequestHeader(string BrokerName, string BrokerAddr, string ClusterName, long BrokerId) : ICommandHeader<QueryDataVersionRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("brokerName", BrokerName);
        fields.Put("brokerAddr", BrokerAddr);
        fields.Put("clusterName", ClusterName);
        fields.Put("brokerId", BrokerId);
    }

    public static QueryDataVersionRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("brokerName"), fields.RequiredString("brokerAddr"), fields.RequiredString("clusterName"), fields.RequiredLong("brokerId"));
}
