using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>GET_CONSUMER_LIST_BY_GROUP (38) answer: the client ids of a group's consumers.</summary>
public sealed record ConsumerIdList(IReadOnlyList<string> ConsumerIds) : IJsonBody<ConsumerIdList>
{
    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStringArray("consumerIdList", ConsumerIds);
        writer.WriteEndObject();
    }

    public static ConsumerIdList ReadJson(FjNode node) =>
        new(JsonBody.RequireObject(node, nameof(ConsumerIdList)).GetArray("consumerIdList")?.ToStringList() ?? []);
}
