namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>INVOKE_BROKER_TO_RESET_OFFSET (222) and RESET_CONSUMER_CLIENT_OFFSET (220).</summary>
public sealed record ResetOffsetRequestHeader : ICommandHeader<ResetOffsetRequestHeader>
{
    public required string Topic { get; init; }

    public required string Group { get; init; }

    public long Timestamp { get; init; }

    public bool IsForce { get; init; }

    public static ResetOffsetRequestHeader Read(HeaderReader fields) => new()
    {
        Topic = fields.RequiredString("topic"),
        Group = fields.RequiredString("group"),
        Timestamp = fields.RequiredLong("timestamp"),
        IsForce = fields.RequiredBool("isForce"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("group", Group);
        fields.Put("timestamp", Timestamp);
        fields.Put("isForce", IsForce);
    }
}
