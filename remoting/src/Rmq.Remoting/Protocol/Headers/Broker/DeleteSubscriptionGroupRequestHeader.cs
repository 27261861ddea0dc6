namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>DELETE_SUBSCRIPTIONGROUP (207).</summary>
public sealed record DeleteSubscriptionGroupRequestHeader : ICommandHeader<DeleteSubscriptionGroupRequestHeader>
{
    public required string GroupName { get; init; }

    public bool? RemoveOffset { get; init; }

    public static DeleteSubscriptionGroupRequestHeader Read(HeaderReader fields) => new()
    {
        GroupName = fields.RequiredString("groupName"),
        RemoveOffset = fields.OptionalBool("removeOffset"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("groupName", GroupName);
        fields.Put("removeOffset", RemoveOffset);
    }
}
