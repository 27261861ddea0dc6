using System.Collections.Concurrent;
using System.Globalization;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Client.Consumer;

/// <summary>
/// The orderly listener's service (ConsumeMessageOrderlyService.java). One consume request at a time per
/// queue (a per-queue lock, MessageQueueLock), taking messages in queue-offset order; in CLUSTERING only
/// while the queue's broker lock is held and not expired, otherwise it locks again and retries later.
/// SUCCESS commits past the batch; SUSPEND_CURRENT_QUEUE_A_MOMENT puts the batch back and retries the queue
/// after the suspension, until a message reaches MaxReconsumeTimes and is sent to the retry topic.
/// </summary>
internal sealed class ConsumeMessageOrderlyService(
    PushConsumerOptions options,
    MessageListenerOrderly listener,
    OffsetStore offsetStore,
    MessageBackSender backSender,
    QueueLockService lockService,
    ILogger logger,
    TimeProvider timeProvider,
    CancellationToken stopping) : IConsumeMessageService
{
    private static readonly TimeSpan ReconsumeSoon = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan RelockSoon = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RelockLater = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<MessageQueue, SemaphoreSlim> _queueLocks = new();
    private readonly ConsumeTaskTracker _tasks = new();

    private bool Clustering => options.MessageModel == MessageModel.CLUSTERING;

    public bool Orderly => true;

    public void Submit(IReadOnlyList<MessageExt> messages, ProcessQueue processQueue, MessageQueue queue, bool dispatchToConsume)
    {
        if (dispatchToConsume)
        {
            _tasks.Run(() => RunAsync(processQueue, queue));
        }
    }

    public Task WhenStoppedAsync() => _tasks.WhenAllStoppedAsync();

    private void SubmitLater(ProcessQueue pq, MessageQueue queue, TimeSpan delay) => _tasks.Run(async () =>
    {
        if (await DelayAsync(delay).ConfigureAwait(false))
        {
            await RunAsync(pq, queue).ConfigureAwait(false);
        }
    });

    private void TryLockLaterAndReconsume(ProcessQueue pq, MessageQueue queue, TimeSpan delay) => _tasks.Run(async () =>
    {
        // a dropped queue is never locked again: its lock was released for the next owner
        if (await DelayAsync(delay).ConfigureAwait(false) && !pq.Dropped)
        {
            var locked = await lockService.LockAsync(queue, pq, stopping).ConfigureAwait(false);
            SubmitLater(pq, queue, locked ? ReconsumeSoon : RelockLater);
        }
    });

    private async Task<bool> DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, timeProvider, stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private long Now => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task RunAsync(ProcessQueue pq, MessageQueue queue)
    {
        if (pq.Dropped || stopping.IsCancellationRequested)
        {
            return;
        }

        var queueLock = _queueLocks.GetOrAdd(queue, _ => new SemaphoreSlim(1, 1));
        try
        {
            await queueLock.WaitAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (Clustering && (!pq.Locked || pq.IsLockExpired(Now, options.RebalanceLockMaxLiveTime)))
            {
                if (!pq.Dropped)
                {
                    TryLockLaterAndReconsume(pq, queue, RelockSoon);
                }

                return;
            }

            await ConsumeWhileAllowedAsync(pq, queue).ConfigureAwait(false);
        }
        finally
        {
            queueLock.Release();
        }
    }

    private async Task ConsumeWhileAllowedAsync(ProcessQueue pq, MessageQueue queue)
    {
        var begin = Now;
        var continueConsume = true;
        while (continueConsume)
        {
            if (pq.Dropped || stopping.IsCancellationRequested)
            {
                logger.Debug("the message queue not be able to consume, because it's dropped or stopping. {Queue}", queue);
                return;
            }

            if (Clustering && (!pq.Locked || pq.IsLockExpired(Now, options.RebalanceLockMaxLiveTime)))
            {
                logger.Warning("the message queue not locked or the lock expired, so consume later, {Queue}", queue);
                TryLockLaterAndReconsume(pq, queue, ReconsumeSoon);
                return;
            }

            if (Now - begin > (long)options.MaxTimeConsumeContinuously.TotalMilliseconds)
            {
                SubmitLater(pq, queue, ReconsumeSoon);
                return;
            }

            var messages = pq.TakeMessages(Math.Max(1, options.ConsumeMessageBatchMaxSize));
            if (messages.Count == 0)
            {
                return;
            }

            continueConsume = await ConsumeBatchAsync(messages, pq, queue).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the listener under the queue's consume lock and applies its answer; false stops this request.</summary>
    private async Task<bool> ConsumeBatchAsync(IReadOnlyList<MessageExt> messages, ProcessQueue pq, MessageQueue queue)
    {
        PushConsumer.ResetRetryTopic(messages, options.ConsumerGroup);
        var now = Now.ToString(CultureInfo.InvariantCulture);
        foreach (var message in messages)
        {
            message.PutProperty(MessageConst.ConsumeStartTimestamp, now);
        }

        try
        {
            await pq.ConsumeLock.WaitAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            if (pq.Dropped)
            {
                logger.Warning("consumeMessage, the message queue not be able to consume, because it's dropped. {Queue}", queue);
                return false;
            }

            var context = new ConsumeOrderlyContext(queue);
            var status = ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            try
            {
                status = await listener(messages, context).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.Warning(e, "consumeMessage exception, Group: {ConsumerGroup} {Queue}", options.ConsumerGroup, queue);
            }

            pq.LastConsumeTimestamp = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            return await ProcessConsumeResultAsync(messages, status, context, pq, queue).ConfigureAwait(false);
        }
        finally
        {
            pq.ConsumeLock.Release();
        }
    }

    /// <summary>
    /// processConsumeResult with autoCommit: applied under the consume lock, so a rebalance that took the lock
    /// persists an offset that already includes the batch (Java applies it after the lock and skips the
    /// commit of a dropped queue, which makes the next owner consume that batch again).
    /// </summary>
    private async Task<bool> ProcessConsumeResultAsync(IReadOnlyList<MessageExt> messages, ConsumeOrderlyStatus status, ConsumeOrderlyContext context, ProcessQueue pq, MessageQueue queue)
    {
        long commitOffset;
        if (status == ConsumeOrderlyStatus.SUCCESS)
        {
            commitOffset = pq.Commit();
        }
        else if (await CheckReconsumeTimesAsync(messages).ConfigureAwait(false))
        {
            pq.MakeMessagesToConsumeAgain(messages);
            SubmitLater(pq, queue, context.SuspendCurrentQueueTime ?? options.SuspendCurrentQueueTime);
            return false;
        }
        else
        {
            commitOffset = pq.Commit();
        }

        if (commitOffset >= 0)
        {
            offsetStore.UpdateOffset(queue, commitOffset, increaseOnly: false);
        }

        return true;
    }

    /// <summary>
    /// True when the batch must be suspended: some message is below MaxReconsumeTimes (its count goes up), or
    /// reached it and could not be sent to the retry topic.
    /// </summary>
    private async Task<bool> CheckReconsumeTimesAsync(IReadOnlyList<MessageExt> messages)
    {
        var suspend = false;
        foreach (var message in messages)
        {
            if (message.ReconsumeTimes >= options.MaxReconsumeTimes)
            {
                if (Clustering && await backSender.SendOrderlyRetryAsync(message, stopping).ConfigureAwait(false))
                {
                    logger.Warning("Orderly message {MsgId} suspended {Times} times, sent to the retry topic", message.MsgId, message.ReconsumeTimes);
                    continue;
                }

                if (!Clustering)
                {
                    logger.Warning("BROADCASTING, orderly message {MsgId} suspended {Times} times, drop it", message.MsgId, message.ReconsumeTimes);
                    continue;
                }
            }

            suspend = true;
            message.ReconsumeTimes++;
        }

        return suspend;
    }
}
