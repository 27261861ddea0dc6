namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>CONSUMER_SEND_MSG_BACK (36): a message a consumer failed to consume, by its commit-log offset.</summary>
public sealed record ConsumerSendMsgBackRequestHeader : ICommandHeader<ConsumerSendMsgBackRequestHeader>
{
    public long Offset { get; init; }

    public required string Group { get; init; }

    public int DelayLevel { get; init; }

    public string? OriginMsgId { get; init; }

    public string? OriginTopic { get; init; }

    public bool? UnitMode { get; init; }

    public int? MaxReconsumeTimes { get; init; }

    public static ConsumerSendMsgBackRequestHeader Read(HeaderReader fields) => new()
    {
        Offset = fields.RequiredLong("offset"),
        Group = fields.RequiredString("group"),
        DelayLevel = fields.RequiredInt("delayLevel"),
        OriginMsgId = fields.OptionalString("originMsgId"),
        OriginTopic = fields.OptionalString("originTopic"),
        UnitMode = fields.OptionalBool("unitMode"),
        MaxReconsumeTimes = fields.OptionalInt("maxReconsumeTimes"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("offset", Offset);
        fields.Put("group", Group);
        fields.Put("delayLevel", DelayLevel);
        fields.Put("originMsgId", OriginMsgId);
        fields.Put("originTopic", OriginTopic);
        fields.Put("unitMode", UnitMode);
        fields.Put("maxReconsumeTimes", MaxReconsumeTimes);
    }
}
