using Rmq.Client.Protocol;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Client.Consumer;

/// <summary>Requests the broker sends this consumer.</summary>
public sealed partial class PushConsumer
{
    /// <summary>
    /// RESET_CONSUMER_CLIENT_OFFSET (220), as the Java client applies it: drop the topic's queues, store and
    /// persist the new offsets, then rebalance so the queues are pulled again from there.
    /// </summary>
    public async Task ResetOffsetAsync(string topic, IReadOnlyDictionary<MessageQueue, long> offsets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        await _rebalanceLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var queue in _workers.Keys.Where(q => q.Topic == topic).ToList())
            {
                await RemoveQueueAsync(queue, cancellationToken, persist: false).ConfigureAwait(false);
            }

            foreach (var (queue, offset) in offsets.Where(e => e.Key.Topic == topic))
            {
                try
                {
                    var address = await MasterAddressAsync(queue, cancellationToken).ConfigureAwait(false);
                    await Instance.Broker.UpdateConsumerOffsetAsync(address, Options.ConsumerGroup, queue.Topic, queue.QueueId, offset, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
                {
                    _logger.Warning(e, "Reset offset of {Queue} to {Offset} failed", queue, offset);
                }
            }
        }
        finally
        {
            _rebalanceLock.Release();
        }

        _logger.Information("Offsets of {Topic} reset for {Count} queues; rebalancing", topic, offsets.Count);
        TriggerRebalance();
    }

    private sealed class NotifyProcessor(PushConsumer consumer) : IRequestProcessor
    {
        public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        {
            consumer._logger.Information("Receive broker's notification, the consumer group: {Group} changed, rebalance immediately", request.GetExtField("consumerGroup"));
            consumer.TriggerRebalance();
            return ValueTask.FromResult<RemotingCommand?>(null);
        }
    }

    private sealed class ResetOffsetProcessor(PushConsumer consumer) : IRequestProcessor
    {
        public async ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        {
            var header = request.ReadHeader<ResetOffsetRequestHeader>();
            if (header.Group != consumer.Options.ConsumerGroup || request.Body.IsEmpty)
            {
                return null;
            }

            var body = JsonBody.Decode<ResetOffsetBody>(request.Body.Span);
            consumer._logger.Information("Invoke reset offset operation from broker {Broker}, group {Group}, topic {Topic}", context.Channel.RemoteAddress, header.Group, header.Topic);
            await consumer.ResetOffsetAsync(header.Topic, body.OffsetTable, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
