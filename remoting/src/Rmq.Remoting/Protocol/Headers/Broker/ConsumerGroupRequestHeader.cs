namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>GET_CONSUMER_LIST_BY_GROUP (38), GET_CONSUMER_CONNECTION_LIST (203) and NOTIFY_CONSUMER_IDS_CHANGED (40).</summary>
public sealed record ConsumerGroupRequestHeader : ICommandHeader<ConsumerGroupRequestHeader>
{
    public required string ConsumerGroup { get; init; }

    public static ConsumerGroupRequestHeader Read(HeaderReader fields) => new()
    {
        ConsumerGroup = fields.RequiredString("consumerGroup"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("consumerGroup", ConsumerGroup);
    }
}
