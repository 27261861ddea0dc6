using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>QUERY_CONSUME_QUEUE (321) answer: the queue's index range, the units asked for and the group's subscription.</summary>
public sealed class QueryConsumeQueueResponseBody : IJsonBody<QueryConsumeQueueResponseBody>
{
    public SubscriptionData? SubscriptionData { get; set; }

    public string? FilterData { get; set; }

    public List<ConsumeQueueData> QueueData { get; init; } = [];

    public long MaxQueueIndex { get; set; }

    public long MinQueueIndex { get; set; }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (FilterData is not null)
        {
            writer.WriteString("filterData", FilterData);
        }

        writer.WriteNumber("maxQueueIndex", MaxQueueIndex);
        writer.WriteNumber("minQueueIndex", MinQueueIndex);
        writer.WritePropertyName("queueData");
        writer.WriteStartArray();
        foreach (var unit in QueueData)
        {
            unit.WriteJson(writer);
        }

        writer.WriteEndArray();
        if (SubscriptionData is not null)
        {
            writer.WritePropertyName("subscriptionData");
            SubscriptionData.WriteJson(writer);
        }

        writer.WriteEndObject();
    }

    public static QueryConsumeQueueResponseBody ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(QueryConsumeQueueResponseBody));
        return new QueryConsumeQueueResponseBody
        {
            FilterData = json.GetString("filterData"),
            MaxQueueIndex = json.GetInt64("maxQueueIndex"),
            MinQueueIndex = json.GetInt64("minQueueIndex"),
            QueueData = (json.GetArray("queueData") ?? []).Select(ConsumeQueueData.ReadJson).ToList(),
            SubscriptionData = json["subscriptionData"] is FjObject subscription ? SubscriptionData.ReadJson(subscription) : null,
        };
    }
}
