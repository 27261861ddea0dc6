namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>CONSUME_ACTIVELY (pull) or CONSUME_PASSIVELY (push), written by name.</summary>
public enum ConsumeType
{
    CONSUME_ACTIVELY,
    CONSUME_PASSIVELY,
}

/// <summary>How a group consumes: every consumer gets every message, or the group shares them.</summary>
public enum MessageModel
{
    BROADCASTING,
    CLUSTERING,
}

/// <summary>Where a consumer group with no committed offset starts (RocketMQ's ordinals, deprecated ones included).</summary>
public enum ConsumeFromWhere
{
    CONSUME_FROM_LAST_OFFSET = 0,
    CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST = 1,
    CONSUME_FROM_MIN_OFFSET = 2,
    CONSUME_FROM_MAX_OFFSET = 3,
    CONSUME_FROM_FIRST_OFFSET = 4,
    CONSUME_FROM_TIMESTAMP = 5,
}
