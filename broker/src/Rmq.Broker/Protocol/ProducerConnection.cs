using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>GET_PRODUCER_CONNECTION_LIST (204) body: <c>{"connectionSet":[Connection]}</c>. Belongs in Rmq.Remoting.</summary>
public sealed class ProducerConnection : IJsonBody<ProducerConnection>
{
    public List<Connection> ConnectionSet { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("connectionSet");
        writer.WriteStartArray();
        foreach (var connection in ConnectionSet)
        {
            connection.WriteJson(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static ProducerConnection ReadJson(FjNode node) =>
        new() { ConnectionSet = (node as FjObject)?.GetArray("connectionSet")?.Select(Connection.ReadJson).ToList() ?? [] };
}
