namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>CLONE_GROUP_OFFSET (314): copy <c>srcGroup</c>'s offsets to <c>destGroup</c>, for one topic or (empty) all of them.</summary>
public sealed record CloneGroupOffsetRequestHeader : ICommandHeader<CloneGroupOffsetRequestHeader>
{
    public required string SrcGroup { get; init; }

    public required string DestGroup { get; init; }

    public string? Topic { get; init; }

    /// <summary>True: copy even topics the source group's online consumers do not subscribe to.</summary>
    public bool Offline { get; init; }

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("srcGroup", SrcGroup);
        fields.Put("destGroup", DestGroup);
        fields.Put("topic", Topic);
        fields.Put("offline", Offline);
    }

    public static CloneGroupOffsetRequestHeader Read(HeaderReader fields) => new()
    {
        SrcGroup = fields.RequiredString("srcGroup"),
        DestGroup = fields.RequiredString("destGroup"),
        Topic = fields.OptionalString("topic"),
        Offline = fields.OptionalBool("offline") ?? false,
    };
}
