namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>GET_CONSUME_STATS (208); an empty topic means every topic the group has offsets for.</summary>
public sealed record GetConsumeStatsRequestHeader : ICommandHeader<GetConsumeStatsRequestHeader>
{
    public required string ConsumerGroup { get; init; }

    public string? Topic { get; init; }

    public static GetConsumeStatsRequestHeader Read(HeaderReader fields) => new()
    {
        ConsumerGroup = fields.RequiredString("consumerGroup"),
        Topic = fields.OptionalString("topic"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("consumerGroup", ConsumerGroup);
        fields.Put("topic", Topic);
    }
}
