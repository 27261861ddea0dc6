using Rmq.Broker.Config;
using Rmq.NameServer;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Remoting.Transport;
using Rmq.Store;

namespace Rmq.Broker.Tests.Support;

/// <summary>An in-process name server and broker on 127.0.0.1 (port 0) and a remoting client to drive them.</summary>
public sealed class BrokerCluster : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TestDir? _ownedDir;

    private BrokerCluster(string storeDir, TestDir? ownedDir)
    {
        StoreDir = storeDir;
        _ownedDir = ownedDir;
    }

    public string StoreDir { get; }

    public NameServerHost NameServer { get; private set; } = null!;

    public BrokerHost Broker { get; private set; } = null!;

    public RemotingClient Client { get; } = new(new RemotingClientOptions());

    public string NameServerAddress => $"127.0.0.1:{NameServer.LocalEndPoint!.Port}";

    public string BrokerAddress => $"127.0.0.1:{Broker.LocalEndPoint!.Port}";

    public static BrokerOptions DefaultOptions(string storeDir, string nameServer) => new()
    {
        Identity = new BrokerIdentityOptions { ClusterName = "TestCluster", BrokerName = "broker-t" },
        Network = new BrokerNetworkOptions { ListenPort = 0, BrokerIP1 = "127.0.0.1", BrokerIP2 = "127.0.0.1", NameServerAddresses = [nameServer] },
        Messaging = new BrokerMessagingOptions { FlushConsumerOffsetInterval = 500 },
        Executors = new BrokerExecutorOptions { PullThreads = 4, QueryThreads = 2, AdminThreads = 2, ClientManageThreads = 2, HeartbeatThreads = 2, ConsumerManageThreads = 2 },
        Store = new MessageStoreOptions
        {
            StorePathRootDir = storeDir,
            MappedFileSizeCommitLog = 4 * 1024 * 1024,
            MappedFileSizeConsumeQueue = 1000 * 20,
            MaxHashSlotNum = 1000,
            MaxIndexNum = 4000,
        },
    };

    /// <summary>Starts a name server and a broker; <paramref name="configure"/> adjusts the broker options.</summary>
    public static async Task<BrokerCluster> StartAsync(Func<BrokerOptions, BrokerOptions>? configure = null, string? storeDir = null, TimeProvider? timeProvider = null)
    {
        var owned = storeDir is null ? new TestDir() : null;
        var cluster = new BrokerCluster(storeDir ?? owned!.Path, owned) { TimeProvider = timeProvider };
        cluster.NameServer = new NameServerHost(new NameServerOptions
        {
            ListenPort = 0,
            KvConfigPath = Path.Combine(cluster.StoreDir, "ns", "kv.json"),
            ConfigStorePath = Path.Combine(cluster.StoreDir, "ns", "ns.properties"),
        }, "127.0.0.1");
        await cluster.NameServer.StartAsync();
        await cluster.StartBrokerAsync(configure);
        return cluster;
    }

    public Func<BrokerOptions, BrokerOptions>? Configure { get; private set; }

    public TimeProvider? TimeProvider { get; private init; }

    public async Task StartBrokerAsync(Func<BrokerOptions, BrokerOptions>? configure = null)
    {
        Configure = configure;
        var options = DefaultOptions(StoreDir, NameServerAddress);
        options = configure?.Invoke(options) ?? options;
        Broker = new BrokerHost(options, "127.0.0.1", timeProvider: TimeProvider);
        await Broker.StartAsync();
    }

    /// <summary>Stops the broker cleanly and starts it again on the same store.</summary>
    public async Task RestartBrokerAsync()
    {
        var address = BrokerAddress;
        await Broker.DisposeAsync();
        await Client.CloseChannelAsync(address);
        await StartBrokerAsync(Configure);
    }

    public Task<RemotingCommand> InvokeAsync(RemotingCommand request) => Client.InvokeAsync(BrokerAddress, request, Timeout);

    public Task<RemotingCommand> InvokeAsync(RemotingCommand request, TimeSpan timeout) => Client.InvokeAsync(BrokerAddress, request, timeout);

    public async Task CreateTopicAsync(string topic, int queues = 4, int perm = PermName.ReadWrite)
    {
        var response = await InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateAndCreateTopic, new CreateTopicRequestHeader
        {
            Topic = topic,
            DefaultTopic = "TBW102",
            ReadQueueNums = queues,
            WriteQueueNums = queues,
            Perm = perm,
            TopicFilterType = "SINGLE_TAG",
        }));
        Assert.Equal(ResponseCode.Success, response.Code);
    }

    public static string Properties(string? tags = null, string? keys = null, IEnumerable<KeyValuePair<string, string>>? user = null)
    {
        var all = new List<KeyValuePair<string, string>>();
        if (tags is not null)
        {
            all.Add(new("TAGS", tags));
        }

        if (keys is not null)
        {
            all.Add(new("KEYS", keys));
        }

        all.AddRange(user ?? []);
        return MessageProperties.Build(all);
    }

    public static RemotingCommand SendRequest(int code, string topic, byte[] body, string? properties, int queueId = -1, SerializeType serializeType = SerializeType.Json, string group = "PG")
    {
        var header = new SendMessageRequestHeader
        {
            ProducerGroup = group,
            Topic = topic,
            DefaultTopic = "TBW102",
            DefaultTopicQueueNums = 4,
            QueueId = queueId,
            BornTimestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Properties = properties,
            Batch = code == RequestCode.SendBatchMessage ? true : null,
        };
        var request = code == RequestCode.SendMessage
            ? RemotingCommand.CreateRequest(code, header, body)
            : RemotingCommand.CreateRequest(code, header.ToV2(), body);
        request.SerializeType = serializeType;
        return request;
    }

    public async Task<SendMessageResponseHeader> SendAsync(string topic, string body, string? tags = null, string? keys = null, int queueId = -1, int code = RequestCode.SendMessageV2)
    {
        var response = await InvokeAsync(SendRequest(code, topic, System.Text.Encoding.UTF8.GetBytes(body), Properties(tags, keys), queueId));
        Assert.True(response.Code == ResponseCode.Success, $"send answered {response.Code}: {response.Remark}");
        return response.ReadHeader<SendMessageResponseHeader>();
    }

    public static RemotingCommand PullRequest(string group, string topic, int queueId, long offset, string? subscription = "*", PullSysFlag flags = PullSysFlag.Subscription, long suspendMillis = 15000, long commitOffset = 0, int maxMsgNums = 32)
        => RemotingCommand.CreateRequest(RequestCode.PullMessage, new PullMessageRequestHeader
        {
            ConsumerGroup = group,
            Topic = topic,
            QueueId = queueId,
            QueueOffset = offset,
            MaxMsgNums = maxMsgNums,
            SysFlag = (int)flags,
            CommitOffset = commitOffset,
            SuspendTimeoutMillis = suspendMillis,
            Subscription = subscription,
            SubVersion = 0,
        });

    /// <summary>Waits until the name server's route for <paramref name="topic"/> lists this broker.</summary>
    public async Task<TopicRouteData?> WaitForRouteAsync(string topic, Func<TopicRouteData, bool>? condition = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var response = await Client.InvokeAsync(NameServerAddress, RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic, new GetRouteInfoRequestHeader(topic)), Timeout);
            if (response.Code == ResponseCode.Success)
            {
                var route = JsonBody.Decode<TopicRouteData>(response.Body.Span);
                if (condition?.Invoke(route) ?? true)
                {
                    return route;
                }
            }

            await Task.Delay(50);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        if (NameServer is not null)
        {
            await NameServer.DisposeAsync();
        }

        _ownedDir?.Dispose();
    }
}
