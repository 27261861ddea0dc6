using System.Globalization;
using Rmq.Client;
using Rmq.Client.Broker;
using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Remoting.Transport;

namespace Rmq.Testcontainers;

/// <summary>
/// A cluster is ready when, over the RocketMQ protocol, (1) the name server's GET_BROKER_CLUSTER_INFO lists every
/// broker under its name and id at the address it advertises, and (2) every Slave is connected to its Master: a probe
/// sent to the Master's own topic (named after its brokerName, as mqadmin clusterRT does) is acknowledged (SEND_OK from a SYNC_MASTER means a Slave holds it) and every
/// Slave's commit log has reached the Master's.
/// </summary>
internal static class ClusterReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls until ready; throws <see cref="TimeoutException"/> naming what was still missing.</summary>
    public static async Task WaitAsync(string nameServerAddress, IReadOnlyList<RmqBrokerContainer> brokers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? missing;
        while (true)
        {
            try
            {
                missing = await WhatIsMissingAsync(nameServerAddress, brokers, cancellationToken);
            }
            catch (Exception e) when (e is RemotingException or MQClientException)
            {
                missing = e.Message;
            }

            if (missing is null)
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"the cluster was not ready within {timeout}: {missing}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Null when ready, else the first thing missing.</summary>
    private static async Task<string?> WhatIsMissingAsync(string nameServerAddress, IReadOnlyList<RmqBrokerContainer> brokers, CancellationToken cancellationToken)
    {
        await using var nameServer = new NameServerClient(nameServerAddress, timeout: TimeSpan.FromSeconds(2));
        var info = await nameServer.GetBrokerClusterInfoAsync(cancellationToken);
        foreach (var broker in brokers)
        {
            if (!info.BrokerAddrTable.TryGetValue(broker.BrokerName, out var data)
                || !data.BrokerAddrs.TryGetValue(broker.BrokerId, out var address)
                || address != broker.BrokerAddress)
            {
                return $"the name server does not list {broker} at {broker.BrokerAddress}";
            }
        }

        await using var client = new BrokerClient(timeout: TimeSpan.FromSeconds(2));
        foreach (var group in brokers.GroupBy(b => b.BrokerName).Where(g => g.Count() > 1))
        {
            var master = group.Single(b => b.IsMaster);
            var probe = await ProbeAsync(client, master, cancellationToken);
            if (probe.SendStatus != SendStatus.SEND_OK)
            {
                return $"{master} answered {probe.SendStatus} to a probe: no Slave connected";
            }

            var masterOffset = await CommitLogMaxOffsetAsync(client, master, cancellationToken);
            foreach (var slave in group.Where(b => !b.IsMaster))
            {
                var slaveOffset = await CommitLogMaxOffsetAsync(client, slave, cancellationToken);
                if (slaveOffset < masterOffset)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{slave} holds the commit log up to {slaveOffset}, its Master up to {masterOffset}");
                }
            }
        }

        return null;
    }

    private static Task<SendResult> ProbeAsync(BrokerClient client, RmqBrokerContainer master, CancellationToken cancellationToken)
    {
        var header = new SendMessageRequestHeader
        {
            ProducerGroup = "RMQ_TESTCONTAINERS_READINESS",
            Topic = master.BrokerName,
            QueueId = 0,
            BornTimestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        return client.SendMessageAsync(master.BrokerAddress, master.BrokerName, header, "readiness probe"u8.ToArray(), uniqueKey: null, cancellationToken: cancellationToken);
    }

    private static async Task<long> CommitLogMaxOffsetAsync(BrokerClient client, RmqBrokerContainer broker, CancellationToken cancellationToken)
    {
        var runtime = await client.GetBrokerRuntimeInfoAsync(broker.BrokerAddress, cancellationToken);
        return long.Parse(runtime["commitLogMaxOffset"], CultureInfo.InvariantCulture);
    }
}
