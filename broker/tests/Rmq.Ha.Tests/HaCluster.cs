using System.Net;
using Rmq.Store;

namespace Rmq.Ha.Tests;

/// <summary>One master store with its HA service and any number of slave stores with HA clients, over 127.0.0.1.</summary>
internal sealed class HaCluster : IAsyncDisposable
{
    private readonly List<Slave> _slaves = [];

    private HaCluster(TestStore master, HaOptions options)
    {
        MasterStore = master;
        Options = options;
    }

    /// <summary>Short intervals so heartbeats, housekeeping, reconnects and timeouts happen within a test.</summary>
    public static HaOptions FastOptions { get; } = new()
    {
        HaListenAddress = IPAddress.Loopback,
        HaListenPort = 0,
        HaSendHeartbeatInterval = 200,
        HaHousekeepingInterval = 3000,
        HaReconnectInterval = 200,
        HaConnectTimeout = 1000,
        HaTransferBatchSize = 4096,
        SlaveTimeout = 600,
    };

    public TestStore MasterStore { get; }

    public MessageStore Master => MasterStore.Store!;

    public HaOptions Options { get; private set; }

    public HaService Ha { get; private set; } = null!;

    public string MasterHaAddress => $"127.0.0.1:{Ha.LocalEndPoint!.Port}";

    public IReadOnlyList<Slave> Slaves => _slaves;

    public static async Task<HaCluster> StartAsync(BrokerRole role = BrokerRole.ASYNC_MASTER, Func<HaOptions, HaOptions>? configure = null, Func<MessageStoreOptions, MessageStoreOptions>? store = null)
    {
        var options = configure is null ? FastOptions : configure(FastOptions);
        var cluster = new HaCluster(new TestStore(role, store), options);
        cluster.Ha = new HaService(options);
        await cluster.MasterStore.StartAsync(new MessageStoreServices { ReplicationWaiter = cluster.Ha, ArrivingListener = cluster.Ha.WrapArrivingListener() });
        await cluster.Ha.StartAsync(cluster.Master, CancellationToken.None);
        return cluster;
    }

    /// <summary>Stops the HA service and starts a new one on the same port (the slaves' address stays valid).</summary>
    public async Task RestartHaAsync()
    {
        var port = Ha.LocalEndPoint!.Port;
        await Ha.DisposeAsync();
        Options = Options with { HaListenPort = port };
        var next = new HaService(Options);
        await next.StartAsync(Master, CancellationToken.None);
        Ha = next;
    }

    public async Task<Slave> AddSlaveAsync(Func<HaOptions, HaOptions>? configure = null, TestStore? store = null, bool start = true)
    {
        store ??= new TestStore(BrokerRole.SLAVE);
        if (store.Store is null)
        {
            await store.StartAsync();
        }

        var options = Options with { HaMasterAddress = MasterHaAddress };
        var client = new HaClient(store.Store!, configure is null ? options : configure(options));
        var slave = new Slave(store, client);
        _slaves.Add(slave);
        if (start)
        {
            await client.StartAsync(CancellationToken.None);
        }

        return slave;
    }

    /// <summary>Puts <paramref name="count"/> messages over 4 queues with keys; returns the results.</summary>
    /// <remarks>With <paramref name="yieldEachPut"/> the loop gives up its thread after every put, as puts arriving over the network would.</remarks>
    public async Task<List<PutMessageResult>> PutAsync(int count, string prefix = "m", int bodyPadding = 100, bool yieldEachPut = false)
    {
        var results = new List<PutMessageResult>(count);
        var padding = new string('x', bodyPadding);
        for (var i = 0; i < count; i++)
        {
            results.Add(await Master.PutMessageAsync(TestStore.Message("TopicHA", i % 4, $"{prefix}{i}-{padding}", keys: $"{prefix}{i}"), CancellationToken.None));
            if (yieldEachPut)
            {
                await Task.Yield();
            }
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slave in _slaves)
        {
            await slave.Client.DisposeAsync();
        }

        await Ha.DisposeAsync();
        foreach (var slave in _slaves)
        {
            await slave.Store.DisposeAsync();
        }

        await MasterStore.DisposeAsync();
    }

    internal sealed record Slave(TestStore Store, HaClient Client)
    {
        public MessageStore Log => Store.Store!;
    }
}
