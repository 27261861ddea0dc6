using Rmq.Broker.Client;
using Rmq.Broker.Config;
using Rmq.Broker.LongPolling;
using Rmq.Broker.Metadata;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker;

/// <summary>The shared pieces processors work with; composed by <see cref="BrokerHost"/>, owns nothing.</summary>
internal sealed class BrokerContext
{
    public required BrokerOptions Options { get; init; }
    public required BrokerState State { get; init; }
    public required MessageStore Store { get; init; }
    public required TopicConfigManager Topics { get; init; }
    public required SubscriptionGroupManager SubscriptionGroups { get; init; }
    public required ConsumerOffsetManager Offsets { get; init; }
    public required ConsumerManager Consumers { get; init; }
    public required ProducerManager Producers { get; init; }
    public required PullRequestHoldService PullHold { get; init; }
    public required TimeProvider Time { get; init; }
    public required Schedule.DelayLevels DelayLevels { get; init; }
    public required ILogger Logger { get; init; }

    /// <summary>Per-topic and per-group put/get counters (VIEW_BROKER_STATS_DATA).</summary>
    public required Stats.BrokerStatsManager BrokerStats { get; init; }

    /// <summary>Broker-wide put/get totals and rates (GET_BROKER_RUNTIME_INFO).</summary>
    public required Stats.StoreStatsService StoreStats { get; init; }

    public required Stats.DailyMessageTotals DailyTotals { get; init; }

    /// <summary>Re-registers with the name servers now (set once registration exists).</summary>
    public Action RegisterBrokerAll { get; set; } = () => { };

    public bool IsSlave => Options.Identity.IsSlave;

    public long NowMillis => Time.GetUtcNow().ToUnixTimeMilliseconds();
}
