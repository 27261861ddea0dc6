namespace Rmq.Broker.Stats;

/// <summary>RocketMQ's stats item names (VIEW_BROKER_STATS_DATA <c>statsName</c>), as BrokerStatsManager spells them.</summary>
public static class StatsNames
{
    /// <summary>Messages put per topic; key <c>topic</c>.</summary>
    public const string TopicPutNums = "TOPIC_PUT_NUMS";

    /// <summary>Bytes put per topic; key <c>topic</c>.</summary>
    public const string TopicPutSize = "TOPIC_PUT_SIZE";

    /// <summary>Messages pulled per topic and group; key <c>topic@group</c>.</summary>
    public const string GroupGetNums = "GROUP_GET_NUMS";

    /// <summary>Bytes pulled per topic and group; key <c>topic@group</c>.</summary>
    public const string GroupGetSize = "GROUP_GET_SIZE";

    /// <summary>Messages sent back (CONSUMER_SEND_MSG_BACK) per topic and group; key <c>topic@group</c>.</summary>
    public const string SendBackPutNums = "SNDBCK_PUT_NUMS";

    /// <summary>Messages put on this broker; key the cluster name.</summary>
    public const string BrokerPutNums = "BROKER_PUT_NUMS";

    /// <summary>Messages pulled from this broker; key the cluster name.</summary>
    public const string BrokerGetNums = "BROKER_GET_NUMS";
}
