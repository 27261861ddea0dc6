using System.IO.Hashing;
using System.Net.Sockets;
using System.Text;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using Rmq.Remoting.Transport;

namespace Rmq.NameServer.Tests.Integration;

/// <summary>A name server host on 127.0.0.1, driven over real TCP by a remoting client in both header serializations.</summary>
public sealed class NameServerOverTcpTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rmq-ns-tcp-" + Guid.NewGuid().ToString("N"));
    private NameServerHost _host = null!;
    private RemotingClient _client = null!;
    private string _address = null!;

    public async Task InitializeAsync()
    {
        _host = new NameServerHost(
            new NameServerOptions
            {
                ListenPort = 0,
                KvConfigPath = Path.Combine(_dir, "kvConfig.json"),
                ConfigStorePath = Path.Combine(_dir, "namesrv.properties"),
            },
            listenAddress: "127.0.0.1");
        var endPoint = await _host.StartAsync();
        _address = $"127.0.0.1:{endPoint.Port}";
        _client = new RemotingClient(new RemotingClientOptions());
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.DisposeAsync();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static RemotingCommand RegisterRequest(long brokerId, string brokerAddr, SerializeType serializeType, long counter = 1)
    {
        var body = new RegisterBrokerBody();
        body.TopicConfigSerializeWrapper.DataVersion = new DataVersion(1700000000000, counter);
        body.TopicConfigSerializeWrapper.TopicConfigTable["TopicTest"] = new TopicConfig { TopicName = "TopicTest", ReadQueueNums = 8, WriteQueueNums = 8, Perm = 6 };
        var bytes = body.Encode(compressed: false);
        var header = new RegisterBrokerRequestHeader
        {
            BrokerName = "broker-a",
            BrokerAddr = brokerAddr,
            ClusterName = "DefaultCluster",
            HaServerAddr = brokerAddr.Replace(":10911", ":10912", StringComparison.Ordinal),
            BrokerId = brokerId,
            BodyCrc32 = (int)(Crc32.HashToUInt32(bytes) & 0x7FFFFFFF),
        };
        var request = RemotingCommand.CreateRequest(RequestCode.RegisterBroker, header, bytes);
        request.SerializeType = serializeType;
        return request;
    }

    private Task<RemotingCommand> InvokeAsync(RemotingCommand request) => _client.InvokeAsync(_address, request, Timeout);

    private async Task<RemotingCommand> RouteAsync(string topic, int version = RemotingVersion.Current, SerializeType serializeType = SerializeType.Json)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic, new GetRouteInfoRequestHeader(topic));
        request.Version = version;
        request.SerializeType = serializeType;
        return await InvokeAsync(request);
    }

    [Theory]
    [InlineData(SerializeType.Json)]
    [InlineData(SerializeType.RocketMQ)]
    public async Task A_master_and_a_slave_register_and_the_route_names_both(SerializeType serializeType)
    {
        // Given a master and then a slave of broker-a registering over TCP
        var master = await InvokeAsync(RegisterRequest(0, "10.0.0.1:10911", serializeType));
        var slave = await InvokeAsync(RegisterRequest(1, "10.0.0.2:10911", serializeType));

        // Then both succeed, and the slave learns its master's addresses
        Assert.Equal(ResponseCode.Success, master.Code);
        Assert.Equal(ResponseCode.Success, slave.Code);
        Assert.Equal(serializeType, slave.SerializeType);
        var answer = slave.ReadHeader<RegisterBrokerResponseHeader>();
        Assert.Equal("10.0.0.1:10911", answer.MasterAddr);
        Assert.Equal("10.0.0.1:10912", answer.HaServerAddr);

        // And the route has queueData perm 6 and brokerAddrs {0: master, 1: slave}
        var route = await RouteAsync("TopicTest", serializeType: serializeType);
        Assert.Equal(ResponseCode.Success, route.Code);
        var data = JsonBody.Decode<TopicRouteData>(route.Body.Span);
        var queue = Assert.Single(data.QueueDatas);
        Assert.Equal(6, queue.Perm);
        Assert.Equal(8, queue.WriteQueueNums);
        var broker = Assert.Single(data.BrokerDatas);
        Assert.Equal("10.0.0.1:10911", broker.BrokerAddrs[0]);
        Assert.Equal("10.0.0.2:10911", broker.BrokerAddrs[1]);
    }

    [Fact]
    public async Task Old_clients_get_unquoted_broker_ids_and_new_ones_standard_JSON()
    {
        await InvokeAsync(RegisterRequest(0, "10.0.0.1:10911", SerializeType.Json));
        await InvokeAsync(RegisterRequest(1, "10.0.0.2:10911", SerializeType.Json));

        var legacy = Encoding.UTF8.GetString((await RouteAsync("TopicTest", version: RemotingVersion.V3_4_9)).Body.Span);
        var standard = Encoding.UTF8.GetString((await RouteAsync("TopicTest", version: RemotingVersion.V4_9_7)).Body.Span);

        // ali-ons (version 121) and Go (317) get fastjson's legacy form; the Go client slices it as text
        Assert.Contains("""{0:"10.0.0.1:10911",1:"10.0.0.2:10911"}""", legacy, StringComparison.Ordinal);
        Assert.Contains("""{"0":"10.0.0.1:10911","1":"10.0.0.2:10911"}""", standard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_topic_answers_TOPIC_NOT_EXIST_with_RocketMQs_remark()
    {
        var response = await RouteAsync("NoSuchTopic");

        Assert.Equal(ResponseCode.TopicNotExist, response.Code);
        Assert.StartsWith("No topic route info in name server for the topic: NoSuchTopic", response.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cluster_info_lists_the_broker_and_write_perm_can_be_wiped_and_added()
    {
        await InvokeAsync(RegisterRequest(0, "10.0.0.1:10911", SerializeType.Json));

        var info = JsonBody.Decode<ClusterInfo>((await InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetBrokerClusterInfo))).Body.Span);
        Assert.Contains("broker-a", info.ClusterAddrTable["DefaultCluster"]);
        Assert.Equal("10.0.0.1:10911", info.BrokerAddrTable["broker-a"].BrokerAddrs[0]);

        var wipe = await InvokeAsync(RemotingCommand.CreateRequest(RequestCode.WipeWritePermOfBroker).WithExtField("brokerName", "broker-a"));
        Assert.Equal(ResponseCode.Success, wipe.Code);
        Assert.Equal(1, wipe.ReadHeader<WipeWritePermOfBrokerResponseHeader>().WipeTopicCount);
        Assert.Equal(4, Assert.Single(JsonBody.Decode<TopicRouteData>((await RouteAsync("TopicTest")).Body.Span).QueueDatas).Perm);

        var add = await InvokeAsync(RemotingCommand.CreateRequest(RequestCode.AddWritePermOfBroker).WithExtField("brokerName", "broker-a"));
        Assert.Equal(ResponseCode.Success, add.Code);
        Assert.Equal("1", add.GetExtField("addTopicCount"));
        Assert.Equal(6, Assert.Single(JsonBody.Decode<TopicRouteData>((await RouteAsync("TopicTest")).Body.Span).QueueDatas).Perm);
    }

    [Fact]
    public async Task A_broker_leaves_the_routes_as_soon_as_its_connection_closes()
    {
        // Given a broker registered over its own connection
        await using (var brokerConnection = new RemotingClient(new RemotingClientOptions()))
        {
            var registered = await brokerConnection.InvokeAsync(_address, RegisterRequest(0, "10.0.0.1:10911", SerializeType.Json), Timeout);
            Assert.Equal(ResponseCode.Success, registered.Code);
            Assert.Equal(ResponseCode.Success, (await RouteAsync("TopicTest")).Code);
        }

        // When that connection is gone, the route disappears without waiting for the 120 s expiry
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        int code;
        while ((code = (await RouteAsync("TopicTest")).Code) == ResponseCode.Success && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(ResponseCode.TopicNotExist, code);
    }

    [Fact]
    public async Task A_wrong_body_crc_is_refused()
    {
        var request = RegisterRequest(0, "10.0.0.1:10911", SerializeType.Json);
        request.ExtFields!["bodyCrc32"] = "12345";

        var response = await InvokeAsync(request);

        Assert.Equal(ResponseCode.SystemError, response.Code);
        Assert.Contains("crc32", response.Remark, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ResponseCode.TopicNotExist, (await RouteAsync("TopicTest")).Code);
    }

    [Theory]
    [InlineData("7FFFFFFF00000000")] // a 2 GiB length
    [InlineData("FFFFFFFF00000000")] // a negative length
    [InlineData("0000000C0000000A6E6F74206A736F6E")] // "not json" as a JSON header
    [InlineData("000000080000006400000000")] // a header length (100) beyond the frame (4 bytes)
    public async Task A_malformed_frame_closes_only_its_own_connection(string frameHex)
    {
        using var bad = new TcpClient();
        await bad.ConnectAsync("127.0.0.1", _host.LocalEndPoint!.Port);
        var stream = bad.GetStream();
        await stream.WriteAsync(Convert.FromHexString(frameHex));

        // The server closes the bad connection: the read ends (0 bytes or a reset) within the bound
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var read = 0;
        try
        {
            read = await stream.ReadAsync(new byte[64], cts.Token);
        }
        catch (IOException)
        {
        }

        Assert.Equal(0, read);
        Assert.False(cts.IsCancellationRequested, "the server did not close the connection");

        // And everyone else is still served
        Assert.Equal(ResponseCode.TopicNotExist, (await RouteAsync("StillServing")).Code);
    }
}
