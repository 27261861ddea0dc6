using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>GET_CONSUMER_CONNECTION_LIST (203) answer (ConsumerConnection.java).</summary>
public sealed class ConsumerConnection : IJsonBody<ConsumerConnection>
{
    public List<Connection> ConnectionSet { get; init; } = [];

    public SortedDictionary<string, SubscriptionData> SubscriptionTable { get; init; } = new(StringComparer.Ordinal);

    public ConsumeType? ConsumeType { get; set; }

    public MessageModel? MessageModel { get; set; }

    public ConsumeFromWhere? ConsumeFromWhere { get; set; }

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
        writer.WriteString("consumeFromWhere", ConsumeFromWhere?.ToString());
        writer.WriteString("consumeType", ConsumeType?.ToString());
        writer.WriteString("messageModel", MessageModel?.ToString());
        writer.WritePropertyName("subscriptionTable");
        writer.WriteStartObject();
        foreach (var (topic, subscription) in SubscriptionTable)
        {
            writer.WritePropertyName(topic);
            subscription.WriteJson(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static ConsumerConnection ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("ConsumerConnection must be a JSON object");
        var result = new ConsumerConnection
        {
            ConsumeType = json["consumeType"] is { IsNull: false } t ? JsonEnum.Read(t, Remoting.Protocol.Bodies.ConsumeType.CONSUME_PASSIVELY) : null,
            MessageModel = json["messageModel"] is { IsNull: false } m ? JsonEnum.Read(m, Remoting.Protocol.Bodies.MessageModel.CLUSTERING) : null,
            ConsumeFromWhere = json["consumeFromWhere"] is { IsNull: false } w ? JsonEnum.Read(w, Remoting.Protocol.Bodies.ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET) : null,
        };
        foreach (var item in json.GetArray("connectionSet") ?? [])
        {
            result.ConnectionSet.Add(Connection.ReadJson(item));
        }

        foreach (var (key, value) in json.GetObject("subscriptionTable") ?? [])
        {
            result.SubscriptionTable[key.GetString() ?? string.Empty] = SubscriptionData.ReadJson(value);
        }

        return result;
    }
}
