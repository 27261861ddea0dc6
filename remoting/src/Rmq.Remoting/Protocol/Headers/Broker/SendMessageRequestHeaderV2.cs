namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>
/// SEND_MESSAGE_V2 (310) / SEND_BATCH_MESSAGE (320): the fields of <see cref="SendMessageRequestHeader"/>
/// under the names a..n, which is what Java clients and ali-ons send.
/// </summary>
public sealed record SendMessageRequestHeaderV2 : ICommandHeader<SendMessageRequestHeaderV2>
{
    public required SendMessageRequestHeader Header { get; init; }

    public static SendMessageRequestHeaderV2 Read(HeaderReader fields) => new()
    {
        Header = new SendMessageRequestHeader
        {
            ProducerGroup = fields.RequiredString("a"),
            Topic = fields.RequiredString("b"),
            DefaultTopic = fields.OptionalString("c") ?? "TBW102",
            DefaultTopicQueueNums = fields.OptionalInt("d") ?? 4,
            QueueId = fields.RequiredInt("e"),
            SysFlag = fields.OptionalInt("f") ?? 0,
            BornTimestamp = fields.OptionalLong("g") ?? 0,
            Flag = fields.OptionalInt("h") ?? 0,
            Properties = fields.OptionalString("i"),
            ReconsumeTimes = fields.OptionalInt("j"),
            UnitMode = fields.OptionalBool("k"),
            MaxReconsumeTimes = fields.OptionalInt("l"),
            Batch = fields.OptionalBool("m"),
            BrokerName = fields.OptionalString("n"),
        },
    };

    public void Write(IDictionary<string, string> fields)
    {
        var h = Header;
        fields.Put("a", h.ProducerGroup);
        fields.Put("b", h.Topic);
        fields.Put("c", h.DefaultTopic);
        fields.Put("d", h.DefaultTopicQueueNums);
        fields.Put("e", h.QueueId);
        fields.Put("f", h.SysFlag);
        fields.Put("g", h.BornTimestamp);
        fields.Put("h", h.Flag);
        fields.Put("i", h.Properties);
        fields.Put("j", h.ReconsumeTimes);
        fields.Put("k", h.UnitMode);
        fields.Put("l", h.MaxReconsumeTimes);
        fields.Put("m", h.Batch);
        fields.Put("n", h.BrokerName);
    }
}
