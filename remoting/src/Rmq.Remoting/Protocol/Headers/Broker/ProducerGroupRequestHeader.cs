namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>GET_PRODUCER_CONNECTION_LIST (204).</summary>
public sealed record ProducerGroupRequestHeader : ICommandHeader<ProducerGroupRequestHeader>
{
    public required string ProducerGroup { get; init; }

    public static ProducerGroupRequestHeader Read(HeaderReader fields) => new()
    {
        ProducerGroup = fields.RequiredString("producerGroup"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("producerGroup", ProducerGroup);
    }
}
