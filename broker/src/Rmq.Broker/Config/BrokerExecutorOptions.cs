namespace Rmq.Broker.Config;

/// <summary>Thread counts and queue capacities of the per-family executors (RocketMQ's pools).</summary>
public sealed record BrokerExecutorOptions
{
    public int SendThreads { get; init; } = 4;
    public int SendQueueCapacity { get; init; } = 10_000;
    public int PullThreads { get; init; } = 16 + (Environment.ProcessorCount * 2);
    public int PullQueueCapacity { get; init; } = 100_000;
    public int QueryThreads { get; init; } = 8 + Environment.ProcessorCount;
    public int QueryQueueCapacity { get; init; } = 20_000;
    public int AdminThreads { get; init; } = 16;
    public int AdminQueueCapacity { get; init; } = 10_000;
    public int ClientManageThreads { get; init; } = 32;
    public int ClientManageQueueCapacity { get; init; } = 1_000_000;
    public int HeartbeatThreads { get; init; } = Math.Min(32, Environment.ProcessorCount);
    public int HeartbeatQueueCapacity { get; init; } = 50_000;
    public int ConsumerManageThreads { get; init; } = 32;
    public int ConsumerManageQueueCapacity { get; init; } = 1_000_000;
    public int EndTransactionThreads { get; init; } = Math.Max(8 + (Environment.ProcessorCount * 2), 24);
    public int EndTransactionQueueCapacity { get; init; } = 100_000;
}
