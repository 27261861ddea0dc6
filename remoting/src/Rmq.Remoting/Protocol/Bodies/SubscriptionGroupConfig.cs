using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>A consumer group as a broker configures it (SubscriptionGroupConfig.java), with Java's defaults.</summary>
public sealed record SubscriptionGroupConfig : IJsonBody<SubscriptionGroupConfig>
{
    public required string GroupName { get; init; }

    public bool ConsumeEnable { get; init; } = true;

    public bool ConsumeFromMinEnable { get; init; } = true;

    public bool ConsumeBroadcastEnable { get; init; } = true;

    public int RetryQueueNums { get; init; } = 1;

    public int RetryMaxTimes { get; init; } = 16;

    public long BrokerId { get; init; }

    public long WhichBrokerWhenConsumeSlowly { get; init; } = 1;

    public bool NotifyConsumerIdsChangedEnable { get; init; } = true;

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("brokerId", BrokerId);
        writer.WriteBoolean("consumeBroadcastEnable", ConsumeBroadcastEnable);
        writer.WriteBoolean("consumeEnable", ConsumeEnable);
        writer.WriteBoolean("consumeFromMinEnable", ConsumeFromMinEnable);
        writer.WriteString("groupName", GroupName);
        writer.WriteBoolean("notifyConsumerIdsChangedEnable", NotifyConsumerIdsChangedEnable);
        writer.WriteNumber("retryMaxTimes", RetryMaxTimes);
        writer.WriteNumber("retryQueueNums", RetryQueueNums);
        writer.WriteNumber("whichBrokerWhenConsumeSlowly", WhichBrokerWhenConsumeSlowly);
        writer.WriteEndObject();
    }

    public static SubscriptionGroupConfig ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(SubscriptionGroupConfig));
        return new SubscriptionGroupConfig
        {
            GroupName = json.GetString("groupName") ?? string.Empty,
            ConsumeEnable = json.GetBoolean("consumeEnable", true),
            ConsumeFromMinEnable = json.GetBoolean("consumeFromMinEnable", true),
            ConsumeBroadcastEnable = json.GetBoolean("consumeBroadcastEnable", true),
            RetryQueueNums = json.GetInt32("retryQueueNums", 1),
            RetryMaxTimes = json.GetInt32("retryMaxTimes", 16),
            BrokerId = json.GetInt64("brokerId"),
            WhichBrokerWhenConsumeSlowly = json.GetInt64("whichBrokerWhenConsumeSlowly", 1),
            NotifyConsumerIdsChangedEnable = json.GetBoolean("notifyConsumerIdsChangedEnable", true),
        };
    }
}
