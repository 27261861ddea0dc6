using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>GET_PRODUCER_CONNECTION_LIST (204) answer: <c>{"connectionSet":[Connection]}</c>.</summary>
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

    public static ProducerConnection ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("ProducerConnection must be a JSON object");
        var result = new ProducerConnection();
        foreach (var item in json.GetArray("connectionSet") ?? [])
        {
            result.ConnectionSet.Add(Connection.ReadJson(item));
        }

        return result;
    }
}
