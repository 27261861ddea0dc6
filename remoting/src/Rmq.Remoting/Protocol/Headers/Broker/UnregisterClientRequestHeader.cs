namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>UNREGISTER_CLIENT (35).</summary>
public sealed record UnregisterClientRequestHeader : ICommandHeader<UnregisterClientRequestHeader>
{
    public required string ClientId { get; init; }

    public string? ProducerGroup { get; init; }

    public string? ConsumerGroup { get; init; }

    public static UnregisterClientRequestHeader Read(HeaderReader fields) => new()
    {
        ClientId = fields.RequiredString("clientID"),
        ProducerGroup = fields.OptionalString("producerGroup"),
        ConsumerGroup = fields.OptionalString("consumerGroup"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("clientID", ClientId);
        fields.Put("producerGroup", ProducerGroup);
        fields.Put("consumerGroup", ConsumerGroup);
    }
}
