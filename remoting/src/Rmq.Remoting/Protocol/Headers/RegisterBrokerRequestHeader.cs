namespace Rmq.Remoting.Protocol.Headers;

/// <summary>REGISTER_BROKER (103) request. <c>BodyCrc32</c> = CRC32(body) &amp; 0x7FFFFFFF, 0 = unchecked.</summary>
public sealed record RegisterBrokerRequestHeader : ICommandHeader<RegisterBrokerRequestHeader>
{
    public required string BrokerName { get; init; }

    /// <summary>"ip:listenPort".</summary>
    public required string BrokerAddr { get; init; }

    public required string ClusterName { get; init; }

    /// <summary>"brokerIP2:haListenPort".</summary>
    public required string HaServerAddr { get; init; }

    public required long BrokerId { get; init; }

    public bool Compressed { get; init; }

    public int BodyCrc32 { get; init; }

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("brokerName", BrokerName);
        fields.Put("brokerAddr", BrokerAddr);
        fields.Put("clusterName", ClusterName);
        fields.Put("haServerAddr", HaServerAddr);
        fields.Put("brokerId", BrokerId);
        fields.Put("compressed", Compressed);
        fields.Put("bodyCrc32", BodyCrc32);
    }

    public static RegisterBrokerRequestHeader Read(HeaderReader fields) => new()
    {
        BrokerName = fields.RequiredString("brokerName"),
        BrokerAddr = fields.RequiredString("brokerAddr"),
        ClusterName = fields.RequiredString("clusterName"),
        HaServerAddr = fields.RequiredString("haServerAddr"),
        BrokerId = fields.RequiredLong("brokerId"),
        Compressed = fields.OptionalBool("compressed") ?? false,
        BodyCrc32 = fields.OptionalInt("bodyCrc32") ?? 0,
    };
}
