using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>DefaultMQPushConsumer's settings, Java's defaults.</summary>
public sealed record PushConsumerOptions : ClientConfig
{
    public required string ConsumerGroup { get; init; }

    /// <summary>
    /// CLUSTERING: the group's consumers share the queues, offsets are committed to the broker, failed messages
    /// are sent back. BROADCASTING: every consumer gets every message, offsets stay in a local file under
    /// <see cref="LocalOffsetStoreDir"/>, failed messages are dropped.
    /// </summary>
    public MessageModel MessageModel { get; init; } = MessageModel.CLUSTERING;

    /// <summary>
    /// BROADCASTING: the root of the local offset files, <c>&lt;dir&gt;/&lt;clientId&gt;/&lt;group&gt;/offsets.json</c>
    /// (Java's <c>rocketmq.client.localOffsetStoreDir</c>); null uses <c>~/.rocketmq_offsets</c>.
    /// </summary>
    public string? LocalOffsetStoreDir { get; init; }

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

    /// <summary>
    /// After this many redeliveries the broker moves a message to the DLQ; for an orderly listener, after this
    /// many suspensions a message is sent to the retry topic (and from there to the DLQ). Java's default for
    /// orderly consumption is unbounded (-1 means Integer.MAX_VALUE there); set it high for that behaviour.
    /// </summary>
    public int MaxReconsumeTimes { get; init; } = 16;

    /// <summary>Orderly: the pause after SUSPEND_CURRENT_QUEUE_A_MOMENT (suspendCurrentQueueTimeMillis, 1 s).</summary>
    public TimeSpan SuspendCurrentQueueTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Orderly: how often every held queue lock is renewed with LOCK_BATCH_MQ (rocketmq.client.rebalance.lockInterval, 20 s).</summary>
    public TimeSpan RebalanceLockInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Orderly: a queue whose lock was not renewed for this long is not consumed until it is locked again
    /// (rocketmq.client.rebalance.lockMaxLiveTime, 30 s; the broker lets a lock expire after 60 s).
    /// </summary>
    public TimeSpan RebalanceLockMaxLiveTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Orderly: one consume request runs at most this long before it yields the queue (MAX_TIME_CONSUME_CONTINUOUSLY, 60 s).</summary>
    public TimeSpan MaxTimeConsumeContinuously { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Send the subscription with every pull (Java default false: the broker uses the heartbeat's).</summary>
    public bool PostSubscriptionWhenPull { get; init; }

    public TimeSpan BrokerSuspendMaxTime { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConsumerTimeoutWhenSuspend { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan PullTimeDelayWhenException { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan PullTimeDelayWhenFlowControl { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Wait before consuming again messages that could not be sent back.</summary>
    public TimeSpan ConsumeRetryDelayWhenSendBackFails { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>clientIP@instanceName</c>; "DEFAULT" becomes the pid for CLUSTERING only, as Java's changeInstanceNameToPID:
    /// a BROADCASTING consumer keeps <c>clientIP@DEFAULT</c>, so a restarted process finds its local offsets again.
    /// </summary>
    public override string BuildClientId() =>
        MessageModel == MessageModel.BROADCASTING && InstanceName == "DEFAULT" ? ClientIp + "@DEFAULT" : base.BuildClientId();
}
