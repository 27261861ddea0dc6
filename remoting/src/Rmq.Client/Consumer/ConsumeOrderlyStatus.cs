namespace Rmq.Client.Consumer;

/// <summary>What an orderly listener says about a batch (ConsumeOrderlyStatus.java).</summary>
public enum ConsumeOrderlyStatus
{
    /// <summary>Consumed; the queue's offset moves past the batch and the next messages follow.</summary>
    SUCCESS,

    /// <summary>
    /// Failed; the queue stops for <see cref="ConsumeOrderlyContext.SuspendCurrentQueueTime"/> and the same batch is
    /// consumed again, until <see cref="PushConsumerOptions.MaxReconsumeTimes"/> is reached (then it goes to the
    /// retry topic, where the broker moves it to the DLQ).
    /// </summary>
    SUSPEND_CURRENT_QUEUE_A_MOMENT,
}
