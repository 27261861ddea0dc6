using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Client.Consumer;

/// <summary>
/// The broker-side queue locks of an orderly CLUSTERING consumer (RebalanceImpl.lock/lockAll/unlock/unlockAll):
/// LOCK_BATCH_MQ and UNLOCK_BATCH_MQ to the master of each queue's broker. A queue is consumed only while its
/// process queue is <see cref="ProcessQueue.Locked"/>; the broker grants a queue to one client id at a time.
/// </summary>
internal sealed class QueueLockService(string consumerGroup, Func<ClientInstance> instance, ILogger logger, TimeProvider timeProvider)
{
    /// <summary>Locks one queue; marks <paramref name="processQueue"/> locked when granted. False when refused or unreachable.</summary>
    public async Task<bool> LockAsync(MessageQueue queue, ProcessQueue? processQueue, CancellationToken cancellationToken)
    {
        var locked = await LockOnBrokerAsync(queue.BrokerName, [queue], cancellationToken).ConfigureAwait(false);
        var granted = locked.Contains(queue);
        if (granted && processQueue is not null)
        {
            processQueue.Locked = true;
            processQueue.LastLockTimestamp = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        }

        logger.Debug("The message queue lock {Result}, {ConsumerGroup} {Queue}", granted ? "OK" : "Failed", consumerGroup, queue);
        return granted;
    }

    /// <summary>Renews the locks of every held queue, one request per broker; queues not granted are marked unlocked.</summary>
    public async Task LockAllAsync(IReadOnlyDictionary<MessageQueue, ProcessQueue> held, CancellationToken cancellationToken)
    {
        foreach (var brokerQueues in held.GroupBy(e => e.Key.BrokerName, StringComparer.Ordinal))
        {
            var locked = await LockOnBrokerAsync(brokerQueues.Key, brokerQueues.Select(e => e.Key).ToList(), cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var (queue, processQueue) in brokerQueues)
            {
                if (locked.Contains(queue))
                {
                    if (!processQueue.Locked)
                    {
                        logger.Information("the message queue locked OK, Group: {ConsumerGroup} {Queue}", consumerGroup, queue);
                    }

                    processQueue.Locked = true;
                    processQueue.LastLockTimestamp = now;
                }
                else if (processQueue.Locked)
                {
                    logger.Warning("the message queue locked Failed, Group: {ConsumerGroup} {Queue}", consumerGroup, queue);
                    processQueue.Locked = false;
                }
            }
        }
    }

    /// <summary>Releases the given queues, one UNLOCK_BATCH_MQ per broker; failures are logged (the broker lets locks expire).</summary>
    public async Task UnlockAsync(IEnumerable<MessageQueue> queues, CancellationToken cancellationToken)
    {
        foreach (var brokerQueues in queues.GroupBy(q => q.BrokerName, StringComparer.Ordinal))
        {
            var address = instance().FindBrokerAddressInSubscribe(brokerQueues.Key, BrokerData.MasterId, onlyThisBroker: true)?.BrokerAddr;
            if (address is null)
            {
                logger.Warning("Unlock of {Count} queues of {BrokerName} skipped: no master known", brokerQueues.Count(), brokerQueues.Key);
                continue;
            }

            try
            {
                await instance().Broker.UnlockBatchMqAsync(address, Body(brokerQueues), oneway: false, cancellationToken).ConfigureAwait(false);
                logger.Information("unlock messageQueue. group:{ConsumerGroup}, clientId:{ClientId}, {Queues}", consumerGroup, instance().ClientId, brokerQueues.ToList());
            }
            catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
            {
                logger.Warning(e, "unlockBatchMQ exception, {BrokerName}", brokerQueues.Key);
            }
        }
    }

    private async Task<IReadOnlySet<MessageQueue>> LockOnBrokerAsync(string brokerName, IReadOnlyCollection<MessageQueue> queues, CancellationToken cancellationToken)
    {
        var address = instance().FindBrokerAddressInSubscribe(brokerName, BrokerData.MasterId, onlyThisBroker: true)?.BrokerAddr;
        if (address is null || queues.Count == 0)
        {
            return new HashSet<MessageQueue>();
        }

        try
        {
            return (await instance().Broker.LockBatchMqAsync(address, Body(queues), cancellationToken).ConfigureAwait(false)).ToHashSet();
        }
        catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
        {
            logger.Warning(e, "lockBatchMQ exception, {BrokerName}", brokerName);
            return new HashSet<MessageQueue>();
        }
    }

    private LockBatchRequestBody Body(IEnumerable<MessageQueue> queues) =>
        new() { ConsumerGroup = consumerGroup, ClientId = instance().ClientId, MqSet = queues.ToList() };
}
