using Rmq.Broker;
using Rmq.Broker.Config;
using Rmq.NameServer;
using Rmq.Store;

namespace Rmq.Cli.Tests.Admin;

/// <summary>In-process name server(s) and master brokers (broker-a, broker-b, ...) of one cluster on 127.0.0.1.</summary>
internal sealed class AdminCluster : IAsyncDisposable
{
    public const string ClusterName = "AdminCluster";

    private readonly string _dir = Directory.CreateTempSubdirectory("rmq-admin-cluster").FullName;
    private readonly List<NameServerHost> _nameServers = [];
    private readonly Dictionary<string, BrokerHost> _brokers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ports = new(StringComparer.Ordinal);

    public IReadOnlyList<string> NameServerAddresses { get; private set; } = [];

    /// <summary>The <c>-n</c> value.</summary>
    public string NameServerList => string.Join(';', NameServerAddresses);

    public BrokerHost Broker(string name) => _brokers[name];

    public string BrokerAddress(string name) => $"127.0.0.1:{_ports[name]}";

    public static async Task<AdminCluster> StartAsync(int brokers = 1, int nameServers = 1, TimeSpan? registerPeriod = null)
    {
        var cluster = new AdminCluster();
        var addresses = new List<string>();
        for (var i = 0; i < nameServers; i++)
        {
            var host = new NameServerHost(new NameServerOptions
            {
                ListenPort = 0,
                KvConfigPath = Path.Combine(cluster._dir, $"ns{i}", "kv.json"),
                ConfigStorePath = Path.Combine(cluster._dir, $"ns{i}", "ns.properties"),
            }, "127.0.0.1");
            cluster._nameServers.Add(host);
            addresses.Add($"127.0.0.1:{(await host.StartAsync()).Port}");
        }

        cluster.NameServerAddresses = addresses;
        cluster.RegisterPeriod = registerPeriod ?? TimeSpan.FromSeconds(30);
        for (var i = 0; i < brokers; i++)
        {
            await cluster.StartBrokerAsync("broker-" + (char)('a' + i));
        }

        return cluster;
    }

    public TimeSpan RegisterPeriod { get; private set; }

    /// <summary>Starts (or restarts, on its previous port and store) the master <paramref name="name"/>.</summary>
    public async Task StartBrokerAsync(string name)
    {
        var store = Path.Combine(_dir, name);
        var options = new BrokerOptions
        {
            Identity = new BrokerIdentityOptions { ClusterName = ClusterName, BrokerName = name },
            Network = new BrokerNetworkOptions { ListenPort = _ports.GetValueOrDefault(name), BrokerIP1 = "127.0.0.1", BrokerIP2 = "127.0.0.1", NameServerAddresses = NameServerAddresses },
            Messaging = new BrokerMessagingOptions { FlushConsumerOffsetInterval = 500, RegisterNameServerPeriod = (int)RegisterPeriod.TotalMilliseconds },
            Executors = new BrokerExecutorOptions { PullThreads = 2, QueryThreads = 1, AdminThreads = 2, ClientManageThreads = 1, HeartbeatThreads = 1, ConsumerManageThreads = 1 },
            Store = new MessageStoreOptions
            {
                StorePathRootDir = store,
                MappedFileSizeCommitLog = 4 * 1024 * 1024,
                MappedFileSizeConsumeQueue = 1000 * 20,
                MaxHashSlotNum = 1000,
                MaxIndexNum = 4000,
            },
        };
        var host = new BrokerHost(options, "127.0.0.1");
        var endPoint = await host.StartAsync();
        _ports[name] = endPoint.Port;
        _brokers[name] = host;
    }

    /// <summary>A clean shutdown (the broker unregisters from the name servers).</summary>
    public async Task StopBrokerAsync(string name)
    {
        if (_brokers.Remove(name, out var host))
        {
            await Bounded.DisposeAsync(host);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var broker in _brokers.Values)
        {
            await Bounded.DisposeAsync(broker);
        }

        foreach (var nameServer in _nameServers)
        {
            await Bounded.DisposeAsync(nameServer);
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a mapped file not yet released; the OS cleans the temp folder
        }
    }
}
