using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>
/// GET_CONSUMER_CONNECTION_LIST (203) body: connections, subscriptions and how the group consumes.
/// Belongs in Rmq.Remoting.
/// </summary>
public sealed class ConsumerConnection : IJsonBody<ConsumerConnection>
{
    public List<Connection> ConnectionSet { get; init; } = [];

    public SortedDictionary<string, SubscriptionData> SubscriptionTable { get; init; } = new(StringComparer.Ordinal);

    public ConsumeType ConsumeType { get; init; }

    public MessageModel MessageModel { get; init; }

    public ConsumeFromWhere ConsumeFromWhere { get; init; }

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
        writer.WriteString("consumeFromWhere", ConsumeFromWhere.ToString());
        writer.WriteString("consumeType", ConsumeType.ToString());
        writer.WriteString("messageModel", MessageModel.ToString());
        writer.WritePropertyName("subscriptionTable");
        writer.WriteStartObject();
        foreach (var (topic, data) in SubscriptionTable)
        {
            writer.WritePropertyName(topic);
            data.WriteJson(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static ConsumerConnection ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("ConsumerConnection must be a JSON object");
        var result = new ConsumerConnection
        {
            ConnectionSet = json.GetArray("connectionSet")?.Select(Connection.ReadJson).ToList() ?? [],
            ConsumeType = Enum.TryParse<ConsumeType>(json.GetString("consumeType"), out var ct) ? ct : default,
            MessageModel = Enum.TryParse<MessageModel>(json.GetString("messageModel"), out var mm) ? mm : default,
            ConsumeFromWhere = Enum.TryParse<ConsumeFromWhere>(json.GetString("consumeFromWhere"), out var cf) ? cf : default,
        };
        if (json.GetObject("subscriptionTable") is { } table)
        {
            foreach (var (key, value) in table)
            {
                result.SubscriptionTable[key.GetString()!] = SubscriptionData.ReadJson(value);
            }
        }

        return result;
    }
}
