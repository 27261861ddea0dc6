namespace Rmq.Remoting.Protocol;

/// <summary>Ordinals of RocketMQ's MQVersion.Version enum that change server behaviour.</summary>
public static class RemotingVersion
{
    /// <summary>V3_0_11: REGISTER_BROKER carries a RegisterBrokerBody.</summary>
    public const int V3_0_11 = 37;
    /// <summary>V3_4_9: the version ali-ons sends; maxReconsumeTimes honoured from here.</summary>
    public const int V3_4_9 = 121;
    /// <summary>V4_9_4: routes are answered in standard JSON from here.</summary>
    public const int V4_9_4 = 401;
    /// <summary>V4_9_7: the version rmq puts in its own frames.</summary>
    public const int V4_9_7 = 407;

    /// <summary>What rmq's servers and clients send.</summary>
    public const int Current = V4_9_7;

    /// <summary>The description RocketMQ prints for <see cref="Current"/> (brokerVersionDesc).</summary>
    public const string CurrentDescription = "V4_9_7";
}
