using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One producer group of a client, as its heartbeat names it.</summary>
public sealed record ProducerData(string GroupName) : IJsonBody<ProducerData>
{
    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("groupName", GroupName);
        writer.WriteEndObject();
    }

    public static ProducerData ReadJson(FjNode node) =>
        new(JsonBody.RequireObject(node, nameof(ProducerData)).GetString("groupName") ?? string.Empty);
}
