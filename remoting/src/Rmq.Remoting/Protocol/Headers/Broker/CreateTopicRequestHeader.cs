namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>UPDATE_AND_CREATE_TOPIC (17).</summary>
public sealed record CreateTopicRequestHeader : ICommandHeader<CreateTopicRequestHeader>
{
    public required string Topic { get; init; }

    public required string DefaultTopic { get; init; }

    public int ReadQueueNums { get; init; }

    public int WriteQueueNums { get; init; }

    public int Perm { get; init; }

    public required string TopicFilterType { get; init; }

    public int? TopicSysFlag { get; init; }

    public bool Order { get; init; }

    public static CreateTopicRequestHeader Read(HeaderReader fields) => new()
    {
        Topic = fields.RequiredString("topic"),
        DefaultTopic = fields.RequiredString("defaultTopic"),
        ReadQueueNums = fields.RequiredInt("readQueueNums"),
        WriteQueueNums = fields.RequiredInt("writeQueueNums"),
        Perm = fields.RequiredInt("perm"),
        TopicFilterType = fields.RequiredString("topicFilterType"),
        TopicSysFlag = fields.OptionalInt("topicSysFlag"),
        Order = fields.RequiredBool("order"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("defaultTopic", DefaultTopic);
        fields.Put("readQueueNums", ReadQueueNums);
        fields.Put("writeQueueNums", WriteQueueNums);
        fields.Put("perm", Perm);
        fields.Put("topicFilterType", TopicFilterType);
        fields.Put("topicSysFlag", TopicSysFlag);
        fields.Put("order", Order);
    }
}
