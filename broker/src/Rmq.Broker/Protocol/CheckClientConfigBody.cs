using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Protocol;

/// <summary>CHECK_CLIENT_CONFIG (46) body: <c>{"clientId","group","subscriptionData"}</c>. Belongs in Rmq.Remoting.</summary>
public sealed class CheckClientConfigBody : IJsonBody<CheckClientConfigBody>
{
    public string? ClientId { get; init; }

    public string? Group { get; init; }

    public SubscriptionData? SubscriptionData { get; init; }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("clientId", ClientId);
        writer.WriteString("group", Group);
        if (SubscriptionData is not null)
        {
            writer.WritePropertyName("subscriptionData");
            SubscriptionData.WriteJson(writer);
        }

        writer.WriteEndObject();
    }

    public static CheckClientConfigBody ReadJson(FjNode node)
    {
        var json = node as FjObject ?? throw new FjException("CheckClientConfigBody must be a JSON object");
        return new CheckClientConfigBody
        {
            ClientId = json.GetString("clientId"),
            Group = json.GetString("group"),
            SubscriptionData = json["subscriptionData"] is { IsNull: false } sub ? SubscriptionData.ReadJson(sub) : null,
        };
    }
}
