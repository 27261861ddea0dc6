using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>A set of group names (QUERY_TOPIC_CONSUME_BY_WHO and others).</summary>
public sealed record GroupList(IReadOnlyList<string> Groups) : IJsonBody<GroupList>
{
    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStringArray("groupList", Groups);
        writer.WriteEndObject();
    }

    public static GroupList ReadJson(FjNode node) =>
        new(JsonBody.RequireObject(node, nameof(GroupList)).GetArray("groupList")?.ToStringList() ?? []);
}
