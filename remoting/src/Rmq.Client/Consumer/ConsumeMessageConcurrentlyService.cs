using System.Globalization;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Client.Consumer;

/// <summary>
/// The concurrent listener's service (ConsumeMessageConcurrentlyService.java): batches of up to
/// ConsumeMessageBatchMaxSize on up to ConsumeThreadMax tasks; CLUSTERING failures are sent back (and
/// consumed again locally when that fails), BROADCASTING failures are dropped; the offset moves to the
/// smallest message still in flight.
/// </summary>
internal sealed class ConsumeMessageConcurrentlyService(
    PushConsumerOptions options,
    Func<IReadOnlyList<MessageExt>, ConsumeContext, Task<ConsumeConcurrentlyStatus>> listener,
    OffsetStore offsetStore,
    MessageBackSender backSender,
    ILogger logger,
    TimeProvider timeProvider,
    CancellationToken stopping) : IConsumeMessageService, IDisposable
{
    private readonly SemaphoreSlim _consumeSlots = new(Math.Max(1, options.ConsumeThreadMax));
    private readonly ConsumeTaskTracker _tasks = new();

    public bool Orderly => false;

    public void Submit(IReadOnlyList<MessageExt> messages, ProcessQueue processQueue, MessageQueue queue, bool dispatchToConsume) =>
        Submit(messages, queue, processQueue, TimeSpan.Zero);

    private void Submit(IReadOnlyList<MessageExt> messages, MessageQueue queue, ProcessQueue pq, TimeSpan delay)
    {
        foreach (var batch in messages.Chunk(Math.Max(1, options.ConsumeMessageBatchMaxSize)))
        {
            _tasks.Run(() => ConsumeAsync(batch, queue, pq, delay));
        }
    }

    public Task WhenStoppedAsync() => _tasks.WhenAllStoppedAsync();

    private async Task ConsumeAsync(IReadOnlyList<MessageExt> batch, MessageQueue queue, ProcessQueue pq, TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, stopping).ConfigureAwait(false);
            }

            await _consumeSlots.WaitAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (pq.Dropped)
            {
                return;
            }

            PushConsumer.ResetRetryTopic(batch, options.ConsumerGroup);
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            foreach (var message in batch)
            {
                message.PutProperty(MessageConst.ConsumeStartTimestamp, now);
            }

            var context = new ConsumeContext(queue);
            var status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
            try
            {
                status = await listener(batch, context).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.Warning(e, "consumeMessage exception, Group: {ConsumerGroup} {Queue}", options.ConsumerGroup, queue);
            }

            pq.LastConsumeTimestamp = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            if (pq.Dropped)
            {
                logger.Warning("processQueue is dropped without process consume result, {Queue}", queue);
                return;
            }

            var backFailed = new List<MessageExt>();
            for (var i = PushConsumer.FirstFailedIndex(status, context.AckIndex, batch.Count); i < batch.Count; i++)
            {
                if (options.MessageModel == MessageModel.BROADCASTING)
                {
                    logger.Warning("BROADCASTING, the message consume failed, drop it, {MsgId}", batch[i].MsgId);
                }
                else if (!await backSender.SendBackAsync(batch[i], context.DelayLevelWhenNextConsume, stopping).ConfigureAwait(false))
                {
                    batch[i].ReconsumeTimes++;
                    backFailed.Add(batch[i]);
                }
            }

            var offset = pq.RemoveMessages(batch.Except(backFailed).ToList());
            if (offset >= 0 && !pq.Dropped)
            {
                offsetStore.UpdateOffset(queue, offset, increaseOnly: true);
            }

            if (backFailed.Count > 0)
            {
                Submit(backFailed, queue, pq, options.ConsumeRetryDelayWhenSendBackFails);
            }
        }
        finally
        {
            _consumeSlots.Release();
        }
    }

    public void Dispose() => _consumeSlots.Dispose();
}
