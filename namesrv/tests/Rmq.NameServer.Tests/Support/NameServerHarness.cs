using Rmq.Remoting.Json;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;

namespace Rmq.NameServer.Tests.Support;

/// <summary>A name server in a temp directory with a manual clock, driven through its processors.</summary>
internal sealed class NameServerHarness : IAsyncDisposable
{
    public const string Cluster = "DefaultCluster";
    public const string MasterAddr = "10.0.0.1:10911";
    public const string SlaveAddr = "10.0.0.2:10911";
    public const string MasterHaAddr = "10.0.0.1:10912";
    public const string SlaveHaAddr = "10.0.0.2:10912";

    public NameServerHarness(string? directory = null, bool orderMessageEnable = false)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "rmq-namesrv-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Options = new NameServerOptions
        {
            KvConfigPath = Path.Combine(Directory, "kvConfig.json"),
            ConfigStorePath = Path.Combine(Directory, "namesrv.properties"),
            OrderMessageEnable = orderMessageEnable,
        };
        Controller = new NameServerController(Options, Clock);
    }

    public string Directory { get; }

    public NameServerOptions Options { get; }

    public ManualTimeProvider Clock { get; } = new();

    public NameServerController Controller { get; }

    public TestChannel AdminChannel { get; } = new("10.0.0.100:50000");

    public static TopicConfigSerializeWrapper Topics(DataVersion version, params TopicConfig[] topics)
    {
        var wrapper = new TopicConfigSerializeWrapper { DataVersion = version };
        foreach (var topic in topics)
        {
            wrapper.TopicConfigTable[topic.TopicName!] = topic;
        }

        return wrapper;
    }

    public static TopicConfig Topic(string name, int perm = 6, int queues = 8, int sysFlag = 0) =>
        new() { TopicName = name, ReadQueueNums = queues, WriteQueueNums = queues, Perm = perm, TopicSysFlag = sysFlag };

    public static RemotingCommand RegisterRequest(
        string brokerName, string brokerAddr, long brokerId, string haAddr, TopicConfigSerializeWrapper topics,
        bool compressed = false, int? crc = null, string cluster = Cluster)
    {
        var body = new RegisterBrokerBody { TopicConfigSerializeWrapper = topics }.Encode(compressed);
        var header = new RegisterBrokerRequestHeader
        {
            BrokerName = brokerName,
            BrokerAddr = brokerAddr,
            ClusterName = cluster,
            HaServerAddr = haAddr,
            BrokerId = brokerId,
            Compressed = compressed,
            BodyCrc32 = crc ?? Processors.BrokerRegistrationProcessor.BodyCrc32(body),
        };
        return RemotingCommand.CreateRequest(RequestCode.RegisterBroker, header, body);
    }

    public async Task<RemotingCommand> SendAsync(RemotingCommand request, IRemotingChannel? channel = null)
    {
        var context = new RequestContext(channel ?? AdminChannel, Clock.GetUtcNow());
        var response = await Controller.Processors.ProcessAsync(context, request);
        Assert.NotNull(response);
        Assert.True(response.IsResponse);
        Assert.Equal(request.Opaque, response.Opaque);
        return response;
    }

    public async Task<RemotingCommand> RegisterAsync(
        string brokerName, string brokerAddr, long brokerId, string haAddr, TopicConfigSerializeWrapper topics,
        IRemotingChannel? channel = null, string cluster = Cluster)
    {
        var response = await SendAsync(RegisterRequest(brokerName, brokerAddr, brokerId, haAddr, topics, cluster: cluster), channel ?? new TestChannel(brokerAddr.Replace(":10911", ":40001", StringComparison.Ordinal)));
        Assert.Equal(ResponseCode.Success, response.Code);
        return response;
    }

    public async Task<RemotingCommand> GetRouteAsync(string topic, int version = RemotingVersion.Current, bool? standardOnly = null)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic, new GetRouteInfoRequestHeader(topic, standardOnly));
        request.Version = version;
        return await SendAsync(request);
    }

    public async Task<TopicRouteData> GetRouteDataAsync(string topic)
    {
        var response = await GetRouteAsync(topic);
        Assert.Equal(ResponseCode.Success, response.Code);
        return JsonBody.Decode<TopicRouteData>(response.Body.Span);
    }

    public static string Text(RemotingCommand response) => System.Text.Encoding.UTF8.GetString(response.Body.Span);

    public static FjObject Json(RemotingCommand response) => FjReader.ParseObject(response.Body.Span);

    public async ValueTask DisposeAsync()
    {
        await Controller.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
