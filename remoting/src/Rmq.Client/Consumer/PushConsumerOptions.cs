using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>DefaultMQPushConsumer's settings, Java's defaults.</summary>
public sealed record PushConsumerOptions : ClientConfig
{
    public required string ConsumerGroup { get; init; }

    /// <summary>Only CLUSTERING is supported.</summary>
    public MessageModel MessageModel { get; init; } = MessageModel.CLUSTERING;

    public ConsumeFromWhere ConsumeFromWhere { get; init; } = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;

    /// <summary>For CONSUME_FROM_TIMESTAMP; null = half an hour before start.</summary>
    public DateTimeOffset? ConsumeTimestamp { get; init; }

    public TimeSpan RebalanceInterval { get; init; } = TimeSpan.FromSeconds(20);

    public int PullBatchSize { get; init; } = 32;

    public int ConsumeMessageBatchMaxSize { get; init; } = 1;

    /// <summary>No pull while more than this many messages of the queue are in flight.</summary>
    public int PullThresholdForQueue { get; init; } = 1000;

    /// <summary>No pull while more than this many MiB of the queue's bodies are in flight.</summary>
    public int PullThresholdSizeForQueue { get; init; } = 100;

    /// <summary>No pull while the offsets in flight span more than this (one slow message holds the offset back).</summary>
    public int ConsumeConcurrentlyMaxSpan { get; init; } = 2000;

    public int ConsumeThreadMax { get; init; } = 20;

    /// <summary>After this many redeliveries the broker moves a message to the DLQ.</summary>
    public int MaxReconsumeTimes { get; init; } = 16;

    /// <summary>Send the subscription with every pull (Java default false: the broker uses the heartbeat's).</summary>
    public bool PostSubscriptionWhenPull { get; init; }

    public TimeSpan BrokerSuspendMaxTime { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConsumerTimeoutWhenSuspend { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan PullTimeDelayWhenException { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan PullTimeDelayWhenFlowControl { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Wait before consuming again messages that could not be sent back.</summary>
    public TimeSpan ConsumeRetryDelayWhenSendBackFails { get; init; } = TimeSpan.FromSeconds(5);
}
