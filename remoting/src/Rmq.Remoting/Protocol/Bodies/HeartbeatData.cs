using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>HEART_BEAT (34) body: who the client is and which producer and consumer groups it runs.</summary>
public sealed class HeartbeatData : IJsonBody<HeartbeatData>
{
    /// <summary>"ip@instanceName" (Java and ali-ons).</summary>
    public required string ClientId { get; init; }

    public List<ProducerData> ProducerDataSet { get; init; } = [];

    public List<ConsumerData> ConsumerDataSet { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("clientID", ClientId);
        writer.WritePropertyName("consumerDataSet");
        writer.WriteStartArray();
        foreach (var consumer in ConsumerDataSet)
        {
            consumer.WriteJson(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("producerDataSet");
        writer.WriteStartArray();
        foreach (var producer in ProducerDataSet)
        {
            producer.WriteJson(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static HeartbeatData ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(HeartbeatData));
        return new HeartbeatData
        {
            ClientId = json.GetString("clientID") ?? string.Empty,
            ProducerDataSet = json.GetArray("producerDataSet")?.Select(ProducerData.ReadJson).ToList() ?? [],
            ConsumerDataSet = json.GetArray("consumerDataSet")?.Select(ConsumerData.ReadJson).ToList() ?? [],
        };
    }
}
