using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Config;

/// <summary>Topic, subscription, send and pull behaviour (RocketMQ BrokerConfig keys).</summary>
public sealed record BrokerMessagingOptions
{
    public const int MinRegisterPeriodMillis = 10_000;
    public const int MaxRegisterPeriodMillis = 60_000;

    public bool AutoCreateTopicEnable { get; init; } = true;

    public int DefaultTopicQueueNums { get; init; } = 8;

    public bool AutoCreateSubscriptionGroup { get; init; } = true;

    public int BrokerPermission { get; init; } = PermName.ReadWrite;

    public int MaxMessageSize { get; init; } = 4 * 1024 * 1024;

    public bool LongPollingEnable { get; init; } = true;

    public int ShortPollingTimeMills { get; init; } = 1000;

    public bool NotifyConsumerIdsChangedEnable { get; init; } = true;

    /// <summary>Clamped to [10 s, 60 s] as RocketMQ does.</summary>
    public int RegisterNameServerPeriod { get; init; } = 30_000;

    public int FlushConsumerOffsetInterval { get; init; } = 5000;

    public bool TraceOn { get; init; } = true;

    public string RegionId { get; init; } = "DefaultRegion";

    public bool ClusterTopicEnable { get; init; } = true;

    public bool BrokerTopicEnable { get; init; } = true;

    public bool SlaveReadEnable { get; init; }

    public bool RejectTransactionMessage { get; init; }

    public int WaitTimeMillsInSendQueue { get; init; } = 200;

    public int WaitTimeMillsInPullQueue { get; init; } = 5000;

    public bool BrokerFastFailureEnable { get; init; } = true;

    /// <summary>Half messages younger than this are not checked yet (transactionTimeOut).</summary>
    public long TransactionTimeOut { get; init; } = 6000;

    /// <summary>Checks per half message before it is dropped (transactionCheckMax).</summary>
    public int TransactionCheckMax { get; init; } = 15;

    /// <summary>How often half messages are checked (transactionCheckInterval).</summary>
    public long TransactionCheckInterval { get; init; } = 60_000;

    /// <summary>The registration period actually used.</summary>
    public TimeSpan EffectiveRegisterPeriod =>
        TimeSpan.FromMilliseconds(Math.Clamp(RegisterNameServerPeriod, MinRegisterPeriodMillis, MaxRegisterPeriodMillis));
}
