namespace Rmq.Client.Consumer;

/// <summary>What a concurrent listener says about a batch.</summary>
public enum ConsumeConcurrentlyStatus
{
    /// <summary>Consumed; the offset may move past it.</summary>
    CONSUME_SUCCESS,

    /// <summary>Failed; send it back to the retry topic for a later redelivery.</summary>
    RECONSUME_LATER,
}
