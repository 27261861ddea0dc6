using Rmq.Client.Broker;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Consumer;

/// <summary>
/// Offsets: read when a queue is added, committed every PersistConsumerOffsetInterval, on removal and on
/// shutdown; to the broker (master, else a slave) in CLUSTERING, to the local file in BROADCASTING.
/// </summary>
public sealed partial class PushConsumer
{
    /// <summary>
    /// The stored offset: BROADCASTING from the local file, CLUSTERING with QUERY_CONSUMER_OFFSET (to the master,
    /// else a slave); -1 when there is none (22 or any other refusal, as 4.x), -2 when it cannot be read.
    /// </summary>
    private async Task<long> ReadOffsetFromBrokerAsync(MessageQueue queue, CancellationToken cancellationToken)
    {
        if (_broadcastOffsets is not null)
        {
            if (_broadcastOffsets.Load().TryGetValue(queue, out var stored))
            {
                OffsetStore.UpdateOffset(queue, stored, increaseOnly: false);
                return stored;
            }

            return ConsumeFromWhereCalculator.NotFound;
        }

        try
        {
            var address = await OffsetBrokerAddressAsync(queue, cancellationToken).ConfigureAwait(false);
            var offset = await Instance.Broker.QueryConsumerOffsetAsync(address, Options.ConsumerGroup, queue.Topic, queue.QueueId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (offset is { } value)
            {
                OffsetStore.UpdateOffset(queue, value, increaseOnly: false);
                return value;
            }

            return ConsumeFromWhereCalculator.NotFound;
        }
        catch (MQClientException e) when (e.Address is not null)
        {
            // 4.x reads any broker refusal (MQBrokerException) as "no offset in broker"
            _logger.Information("Broker has no offset of {Queue}: {Remark}", queue, e.Remark);
            return ConsumeFromWhereCalculator.NotFound;
        }
        catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
        {
            _logger.Warning(e, "Query consumer offset of {Queue} failed", queue);
            return ConsumeFromWhereCalculator.ReadFailed;
        }
    }

    /// <summary>
    /// Where offsets of <paramref name="queue"/> are read and committed (RemoteBrokerOffsetStore with
    /// findBrokerAddressInAdmin): the master, or while the route lists none (the master is gone) a slave; the
    /// route is fetched again only when no address of that broker is known.
    /// </summary>
    private async Task<string> OffsetBrokerAddressAsync(MessageQueue queue, CancellationToken cancellationToken)
    {
        var found = Instance.FindBrokerAddressInSubscribe(queue.BrokerName, BrokerData.MasterId, onlyThisBroker: false);
        if (found is null)
        {
            await Instance.UpdateTopicRouteAsync(queue.Topic, cancellationToken).ConfigureAwait(false);
            found = Instance.FindBrokerAddressInSubscribe(queue.BrokerName, BrokerData.MasterId, onlyThisBroker: false);
        }

        return found?.BrokerAddr ?? throw new MQClientException(ClientErrorCode.BrokerNotExistException, $"The broker[{queue.BrokerName}] not exist", null);
    }

    private Task PersistAllAsync(CancellationToken cancellationToken) => PersistAllAsync(oneway: true, cancellationToken);

    private async Task PersistAllAsync(bool oneway, CancellationToken cancellationToken)
    {
        var (toPersist, unused) = OffsetStore.PlanPersist(_workers.Keys.ToHashSet());
        if (_broadcastOffsets is not null)
        {
            PersistLocally(toPersist);
            return;
        }

        foreach (var (queue, offset) in toPersist)
        {
            await UpdateOffsetOnBrokerAsync(queue, offset, oneway, cancellationToken).ConfigureAwait(false);
        }

        foreach (var queue in unused)
        {
            OffsetStore.RemoveOffset(queue);
        }
    }

    /// <summary>BROADCASTING: the file keeps every queue ever consumed; the assigned ones get their current offsets.</summary>
    private void PersistLocally(IReadOnlyList<KeyValuePair<MessageQueue, long>> toPersist)
    {
        if (toPersist.Count == 0)
        {
            return;
        }

        try
        {
            var all = new Dictionary<MessageQueue, long>(_broadcastOffsets!.Load());
            foreach (var (queue, offset) in toPersist)
            {
                all[queue] = offset;
            }

            _broadcastOffsets.Persist(all);
        }
        catch (IOException e)
        {
            _logger.Warning(e, "Persist of the local offsets to {File} failed", _broadcastOffsets!.FilePath);
        }
    }

    private async Task PersistOffsetAsync(MessageQueue queue, CancellationToken cancellationToken)
    {
        var offset = OffsetStore.ReadOffset(queue);
        if (offset < 0)
        {
            return;
        }

        if (_broadcastOffsets is not null)
        {
            PersistLocally([new(queue, offset)]);
            return;
        }

        await UpdateOffsetOnBrokerAsync(queue, offset, oneway: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateOffsetOnBrokerAsync(MessageQueue queue, long offset, bool oneway, CancellationToken cancellationToken)
    {
        try
        {
            var address = await OffsetBrokerAddressAsync(queue, cancellationToken).ConfigureAwait(false);
            if (oneway)
            {
                await Instance.Broker.UpdateConsumerOffsetOnewayAsync(address, Options.ConsumerGroup, queue.Topic, queue.QueueId, offset, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Instance.Broker.UpdateConsumerOffsetAsync(address, Options.ConsumerGroup, queue.Topic, queue.QueueId, offset, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
        {
            _logger.Warning(e, "Persist offset {Offset} of {Queue} failed", offset, queue);
        }
    }
}
