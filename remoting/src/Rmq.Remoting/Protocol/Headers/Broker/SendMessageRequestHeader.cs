namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>
/// SEND_MESSAGE (10) header with its long field names; SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE
/// (320) carry the same fields under one-letter names (<see cref="SendMessageRequestHeaderV2"/>).
/// </summary>
public sealed record SendMessageRequestHeader : ICommandHeader<SendMessageRequestHeader>
{
    public required string ProducerGroup { get; init; }

    public required string Topic { get; init; }

    public string DefaultTopic { get; init; } = "TBW102";

    public int DefaultTopicQueueNums { get; init; } = 4;

    /// <summary>Target queue; negative lets the broker pick one.</summary>
    public int QueueId { get; init; }

    public int SysFlag { get; init; }

    public long BornTimestamp { get; init; }

    public int Flag { get; init; }

    /// <summary>Message properties, <c>k\u0001v\u0002k\u0001v</c>.</summary>
    public string? Properties { get; init; }

    public int? ReconsumeTimes { get; init; }

    public bool? UnitMode { get; init; }

    public int? MaxReconsumeTimes { get; init; }

    public bool? Batch { get; init; }

    /// <summary>4.9.5+/5.x: the broker the client meant.</summary>
    public string? BrokerName { get; init; }

    public static SendMessageRequestHeader Read(HeaderReader fields) => new()
    {
        ProducerGroup = fields.RequiredString("producerGroup"),
        Topic = fields.RequiredString("topic"),
        DefaultTopic = fields.OptionalString("defaultTopic") ?? "TBW102",
        DefaultTopicQueueNums = fields.OptionalInt("defaultTopicQueueNums") ?? 4,
        QueueId = fields.RequiredInt("queueId"),
        SysFlag = fields.OptionalInt("sysFlag") ?? 0,
        BornTimestamp = fields.OptionalLong("bornTimestamp") ?? 0,
        Flag = fields.OptionalInt("flag") ?? 0,
        Properties = fields.OptionalString("properties"),
        ReconsumeTimes = fields.OptionalInt("reconsumeTimes"),
        UnitMode = fields.OptionalBool("unitMode"),
        MaxReconsumeTimes = fields.OptionalInt("maxReconsumeTimes"),
        Batch = fields.OptionalBool("batch"),
        BrokerName = fields.OptionalString("bname"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("producerGroup", ProducerGroup);
        fields.Put("topic", Topic);
        fields.Put("defaultTopic", DefaultTopic);
        fields.Put("defaultTopicQueueNums", DefaultTopicQueueNums);
        fields.Put("queueId", QueueId);
        fields.Put("sysFlag", SysFlag);
        fields.Put("bornTimestamp", BornTimestamp);
        fields.Put("flag", Flag);
        fields.Put("properties", Properties);
        fields.Put("reconsumeTimes", ReconsumeTimes);
        fields.Put("unitMode", UnitMode);
        fields.Put("maxReconsumeTimes", MaxReconsumeTimes);
        fields.Put("batch", Batch);
        fields.Put("bname", BrokerName);
    }

    /// <summary>The short-named form Java clients send by default.</summary>
    public SendMessageRequestHeaderV2 ToV2() => new() { Header = this };
}
