using Rmq.Broker;
using Rmq.Broker.Config;
using Rmq.Client.Broker;
using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Store;

namespace Rmq.Client.Tests;

/// <summary>A name server and one rmq broker (BrokerHost) in process on 127.0.0.1, ephemeral ports, a temp store.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private readonly string _directory;

    private InProcessBroker(string directory, InProcessNameServer nameServer, BrokerHost broker)
    {
        _directory = directory;
        NameServer = nameServer;
        Broker = broker;
    }

    public InProcessNameServer NameServer { get; }

    public BrokerHost Broker { get; }

    public string NameServerAddress => NameServer.Address;

    public string BrokerAddress => $"127.0.0.1:{Broker.LocalEndPoint!.Port}";

    public static async Task<InProcessBroker> StartAsync()
    {
        var nameServer = await InProcessNameServer.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "rmq-client-broker-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new BrokerOptions
        {
            Identity = new BrokerIdentityOptions { ClusterName = "ClientTestCluster", BrokerName = "broker-c" },
            Network = new BrokerNetworkOptions { ListenPort = 0, BrokerIP1 = "127.0.0.1", BrokerIP2 = "127.0.0.1", NameServerAddresses = [nameServer.Address] },
            Messaging = new BrokerMessagingOptions { FlushConsumerOffsetInterval = 500 },
            Executors = new BrokerExecutorOptions { PullThreads = 4, QueryThreads = 2, AdminThreads = 2, ClientManageThreads = 2, HeartbeatThreads = 2, ConsumerManageThreads = 2 },
            Store = new MessageStoreOptions
            {
                StorePathRootDir = directory,
                MappedFileSizeCommitLog = 4 * 1024 * 1024,
                MappedFileSizeConsumeQueue = 1000 * 20,
                MaxHashSlotNum = 1000,
                MaxIndexNum = 4000,

                // the shared test machine's disk can be over the 90 % default; these tests are not about disk space
                DiskSpaceWarningLevelRatio = 0.99,
            },
        };
        var broker = new BrokerHost(options, "127.0.0.1");
        await broker.StartAsync();
        return new InProcessBroker(directory, nameServer, broker);
    }

    /// <summary>Creates <paramref name="topic"/> on the broker and waits until the name server routes it.</summary>
    public async Task CreateTopicAsync(string topic, int queues)
    {
        await using var brokerClient = new BrokerClient();
        await brokerClient.CreateTopicAsync(BrokerAddress, new TopicConfig { TopicName = topic, ReadQueueNums = queues, WriteQueueNums = queues });
        await using var nameServerClient = new NameServerClient(NameServerAddress);
        var routed = await Eventually.TrueAsync(async () =>
        {
            try
            {
                var route = await nameServerClient.GetTopicRouteAsync(topic);
                return route.QueueDatas.Any(q => q.ReadQueueNums == queues);
            }
            catch (MQClientException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(15));
        Assert.True(routed, $"the name server did not route {topic}");
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        await NameServer.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still mapped; the OS temp cleaner gets it
        }
    }
}
