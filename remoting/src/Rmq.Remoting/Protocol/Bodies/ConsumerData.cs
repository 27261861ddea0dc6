using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One consumer group of a client, as its heartbeat describes it.</summary>
public sealed class ConsumerData : IJsonBody<ConsumerData>
{
    public required string GroupName { get; init; }

    public ConsumeType ConsumeType { get; init; } = ConsumeType.CONSUME_PASSIVELY;

    public MessageModel MessageModel { get; init; } = MessageModel.CLUSTERING;

    public ConsumeFromWhere ConsumeFromWhere { get; init; } = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;

    public List<SubscriptionData> SubscriptionDataSet { get; init; } = [];

    public bool UnitMode { get; init; }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("consumeFromWhere", ConsumeFromWhere.ToString());
        writer.WriteString("consumeType", ConsumeType.ToString());
        writer.WriteString("groupName", GroupName);
        writer.WriteString("messageModel", MessageModel.ToString());
        writer.WritePropertyName("subscriptionDataSet");
        writer.WriteStartArray();
        foreach (var subscription in SubscriptionDataSet)
        {
            subscription.WriteJson(writer);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("unitMode", UnitMode);
        writer.WriteEndObject();
    }

    public static ConsumerData ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(ConsumerData));
        return new ConsumerData
        {
            GroupName = json.GetString("groupName") ?? string.Empty,
            ConsumeType = JsonEnum.Read(json["consumeType"], ConsumeType.CONSUME_PASSIVELY),
            MessageModel = JsonEnum.Read(json["messageModel"], MessageModel.CLUSTERING),
            ConsumeFromWhere = JsonEnum.Read(json["consumeFromWhere"], ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET),
            SubscriptionDataSet = json.GetArray("subscriptionDataSet")?.Select(SubscriptionData.ReadJson).ToList() ?? [],
            UnitMode = json.GetBoolean("unitMode"),
        };
    }
}
