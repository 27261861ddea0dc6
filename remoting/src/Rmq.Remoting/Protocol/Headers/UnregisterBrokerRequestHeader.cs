namespace Rmq.Remoting.Protocol.Headers;

/// <summary>UNREGISTER_BROKER (104) request.</summary>
public sealed record UnregisterBrokerRequestHeader(string BrokerName, string BrokerAddr, string ClusterName, long BrokerId) : ICommandHeader<UnregisterBrokerRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("brokerName", BrokerName);
        fields.Put("brokerAddr", BrokerAddr);
        fields.Put("clusterName", ClusterName);
        fields.Put("brokerId", BrokerId);
    }

    public static UnregisterBrokerRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("brokerName"), fields.RequiredString("brokerAddr"), fields.RequiredString("clusterName"), fields.RequiredLong("brokerId"));
}
