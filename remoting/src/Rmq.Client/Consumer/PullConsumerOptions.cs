namespace Rmq.Client.Consumer;

/// <summary>DefaultMQPullConsumer's settings (as mqadmin's tools use it).</summary>
public sealed record PullConsumerOptions : ClientConfig
{
    /// <summary>mqadmin's group (MixAll.TOOLS_CONSUMER_GROUP).</summary>
    public string ConsumerGroup { get; init; } = "TOOLS_CONSUMER";

    public TimeSpan BrokerSuspendMaxTime { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan ConsumerPullTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
