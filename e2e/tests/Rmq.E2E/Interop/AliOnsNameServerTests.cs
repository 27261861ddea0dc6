using System.IO.Hashing;
using System.Text.Json;
using Rmq.E2E.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using Rmq.Remoting.Transport;

namespace Rmq.E2E.Interop;

/// <summary>The unmodified third-party ali-ons client (npm, pinned by package-lock) asking a real `rmq namesrv` for routes.</summary>
public sealed class AliOnsNameServerTests : IAsyncLifetime
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(30);
    private NameServerProcess _server = null!;
    private RemotingClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await NameServerProcess.StartAsync();
        _admin = new RemotingClient(new RemotingClientOptions());
    }

    public async Task DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Task<JsonElement> AliOnsRouteAsync(string topic) =>
        AliOnsClient.RunAsync("route.js", NodeTimeout, _server.Address, topic);

    private async Task RegisterAsync(long brokerId, string address)
    {
        var body = new RegisterBrokerBody();
        body.TopicConfigSerializeWrapper.DataVersion = new DataVersion(1700000000000, 1);
        body.TopicConfigSerializeWrapper.TopicConfigTable["OrderTopic"] = new TopicConfig { TopicName = "OrderTopic", ReadQueueNums = 4, WriteQueueNums = 4, Perm = 6 };
        var bytes = body.Encode(compressed: false);
        var request = RemotingCommand.CreateRequest(RequestCode.RegisterBroker, new RegisterBrokerRequestHeader
        {
            BrokerName = "broker-a",
            BrokerAddr = address,
            ClusterName = "DefaultCluster",
            HaServerAddr = address,
            BrokerId = brokerId,
            BodyCrc32 = (int)(Crc32.HashToUInt32(bytes) & 0x7FFFFFFF),
        }, bytes);
        var response = await _admin.InvokeAsync(_server.Address, request, TimeSpan.FromSeconds(5));
        Assert.Equal(ResponseCode.Success, response.Code);
    }

    private async Task SetWritePermAsync(int code)
    {
        var response = await _admin.InvokeAsync(_server.Address, RemotingCommand.CreateRequest(code).WithExtField("brokerName", "broker-a"), TimeSpan.FromSeconds(5));
        Assert.Equal(ResponseCode.Success, response.Code);
    }

    [Fact]
    public async Task Ali_ons_gets_TOPIC_NOT_EXIST_for_an_unknown_topic()
    {
        var answer = await AliOnsRouteAsync("NoSuchTopic");

        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Equal(17, answer.GetProperty("code").GetInt32());
        Assert.Contains("No topic route info in name server for the topic: NoSuchTopic", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ali_ons_reads_the_master_and_slave_route_and_follows_wipe_and_add_write_perm()
    {
        // Given broker-a's master and slave registered
        await RegisterAsync(0, "127.0.0.1:30911");
        await RegisterAsync(1, "127.0.0.1:30921");

        // Then ali-ons parses the route: both addresses by id, perm 6
        var route = (await AliOnsRouteAsync("OrderTopic")).GetProperty("route");
        var broker = route.GetProperty("brokerDatas")[0];
        Assert.Equal("broker-a", broker.GetProperty("brokerName").GetString());
        Assert.Equal("127.0.0.1:30911", broker.GetProperty("brokerAddrs").GetProperty("0").GetString());
        Assert.Equal("127.0.0.1:30921", broker.GetProperty("brokerAddrs").GetProperty("1").GetString());
        Assert.Equal(6, route.GetProperty("queueDatas")[0].GetProperty("perm").GetInt32());
        Assert.Equal(4, route.GetProperty("queueDatas")[0].GetProperty("writeQueueNums").GetInt32());

        // When the write permission is wiped, ali-ons sees read-only (4); when added back, 6
        await SetWritePermAsync(RequestCode.WipeWritePermOfBroker);
        Assert.Equal(4, (await AliOnsRouteAsync("OrderTopic")).GetProperty("route").GetProperty("queueDatas")[0].GetProperty("perm").GetInt32());
        await SetWritePermAsync(RequestCode.AddWritePermOfBroker);
        Assert.Equal(6, (await AliOnsRouteAsync("OrderTopic")).GetProperty("route").GetProperty("queueDatas")[0].GetProperty("perm").GetInt32());
    }
}
