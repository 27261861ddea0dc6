using Rmq.Broker.Config;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Tests;

/// <summary>A SYNC_MASTER and its SLAVE (same brokerName, id 1) in process, replicating over the HA protocol.</summary>
public sealed class ReplicationTests : IAsyncLifetime
{
    private readonly TestDir _slaveDir = new();
    private BrokerCluster _cluster = null!;
    private BrokerHost _slave = null!;

    public async Task InitializeAsync()
    {
        _cluster = await BrokerCluster.StartAsync(o => o with
        {
            Identity = o.Identity with { Role = BrokerRole.SYNC_MASTER },
            Store = o.Store with { BrokerRole = BrokerRole.SYNC_MASTER },
        });
        var slaveOptions = BrokerCluster.DefaultOptions(_slaveDir.Path, _cluster.NameServerAddress);
        slaveOptions = slaveOptions with
        {
            Identity = slaveOptions.Identity with { BrokerId = 1, Role = BrokerRole.SLAVE },
            // a 4.x slave serves pulls only with slaveReadEnable (else PULL_RETRY_IMMEDIATELY, suggest the master)
            Messaging = slaveOptions.Messaging with { SlaveReadEnable = true },
            Store = slaveOptions.Store with { BrokerRole = BrokerRole.SLAVE },
            SlaveSyncFirstDelay = TimeSpan.FromMilliseconds(100),
            SlaveSyncPeriod = TimeSpan.FromMilliseconds(300),
        };
        _slave = new BrokerHost(slaveOptions, "127.0.0.1");
        await _slave.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slave.DisposeAsync();
        await _cluster.DisposeAsync();
        _slaveDir.Dispose();
    }

    private string SlaveAddress => $"127.0.0.1:{_slave.LocalEndPoint!.Port}";

    [Fact]
    public async Task A_sync_master_acknowledges_only_what_its_slave_holds_and_the_slave_serves_it()
    {
        // Given the slave connected to its master (learned from the name server's registration answer)
        Assert.True(await Eventually.TrueAsync(() => _cluster.Broker.Replication.MasterStatus!.IsSlaveOk, TimeSpan.FromSeconds(30)),
            "the slave never connected: " + _cluster.Broker.Replication.MasterStatus?.SlaveNotOkReason);
        await _cluster.CreateTopicAsync("ReplicatedTopic", queues: 1);

        // When messages are sent to the SYNC_MASTER, each is acknowledged SUCCESS
        for (var i = 0; i < 20; i++)
        {
            var sent = await _cluster.SendAsync("ReplicatedTopic", "message-" + i, queueId: 0);
            // Then at the moment of the answer the slave already holds every byte the master wrote
            Assert.True(_slave.Store.MaxPhyOffset >= _cluster.Broker.Store.MaxPhyOffset,
                $"acknowledged with the slave at {_slave.Store.MaxPhyOffset} and the master at {_cluster.Broker.Store.MaxPhyOffset}");
            Assert.Equal(i, sent.QueueOffset);
        }

        Assert.True(_slave.Store.MaxPhyOffset >= _cluster.Broker.Store.MaxPhyOffset - 1,
            $"slave at {_slave.Store.MaxPhyOffset}, master at {_cluster.Broker.Store.MaxPhyOffset}");

        // And the slave refuses sends but serves pulls of every message
        var refused = await _cluster.Client.InvokeAsync(SlaveAddress,
            BrokerCluster.SendRequest(RequestCode.SendMessageV2, "ReplicatedTopic", "x"u8.ToArray(), null, 0), BrokerCluster.Timeout);
        Assert.Equal(ResponseCode.ServiceNotAvailable, refused.Code);
        Assert.True(await Eventually.TrueAsync(() => _slave.Store.GetMaxOffsetInQueue("ReplicatedTopic", 0) == 20, TimeSpan.FromSeconds(10)));
        Assert.True(await Eventually.TrueAsync(() => _slave.Topics.Select("ReplicatedTopic") is not null, TimeSpan.FromSeconds(10)),
            "the slave never copied the master's topic config");
        var pulled = await _cluster.Client.InvokeAsync(SlaveAddress,
            BrokerCluster.PullRequest("G", "ReplicatedTopic", 0, 0, suspendMillis: 0, flags: PullSysFlag.Subscription), BrokerCluster.Timeout);
        Assert.Equal(ResponseCode.Success, pulled.Code);
        var records = RecordDecoder.DecodeAll(pulled.Body.ToArray());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "message-" + i), records.Select(r => r.BodyText));
    }

    [Fact]
    public async Task A_sync_master_without_its_slave_answers_SLAVE_NOT_AVAILABLE_and_still_stores_the_message()
    {
        await _cluster.CreateTopicAsync("LonelyTopic", queues: 1);
        await _slave.DisposeAsync();
        Assert.True(await Eventually.TrueAsync(() => !_cluster.Broker.Replication.MasterStatus!.IsSlaveOk, TimeSpan.FromSeconds(30)));

        var response = await _cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "LonelyTopic", "alone"u8.ToArray(), null, 0));

        Assert.Equal(ResponseCode.SlaveNotAvailable, response.Code);
        Assert.Equal(0, response.ReadHeader<SendMessageResponseHeader>().QueueOffset);
        Assert.True(await Eventually.TrueAsync(() => _cluster.Broker.Store.GetMaxOffsetInQueue("LonelyTopic", 0) == 1, TimeSpan.FromSeconds(10)));
    }
}
