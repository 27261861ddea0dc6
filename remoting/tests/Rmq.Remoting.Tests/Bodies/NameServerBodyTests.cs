using System.IO.Compression;
using System.Text;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Tests.Bodies;

public class NameServerBodyTests
{
    private const string JavaRegisterBody =
        """{"filterServerList":[],"topicConfigSerializeWrapper":{"dataVersion":{"counter":12,"timestamp":1700000000000},"topicConfigTable":{"TopicTest":{"order":false,"perm":6,"readQueueNums":8,"topicFilterType":"SINGLE_TAG","topicName":"TopicTest","topicSysFlag":0,"writeQueueNums":8}}}}""";

    private const string JavaRoute =
        """{"brokerDatas":[{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":{},"queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":8,"topicSysFlag":0,"writeQueueNums":8}]}""";

    private const string JavaClusterInfo =
        """{"brokerAddrTable":{"broker-a":{"brokerAddrs":{0:"10.0.0.1:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}},"clusterAddrTable":{"DefaultCluster":["broker-a","broker-b"]}}""";

    [Fact]
    public void Register_broker_body_from_java_is_decoded()
    {
        var body = RegisterBrokerBody.Decode(Encoding.UTF8.GetBytes(JavaRegisterBody), compressed: false);

        var wrapper = body.TopicConfigSerializeWrapper;
        Assert.Equal(new DataVersion(1700000000000, 12), wrapper.DataVersion);
        var topic = wrapper.TopicConfigTable["TopicTest"];
        Assert.Equal(8, topic.ReadQueueNums);
        Assert.Equal(8, topic.WriteQueueNums);
        Assert.Equal(6, topic.Perm);
        Assert.Equal(TopicFilterType.SINGLE_TAG, topic.TopicFilterType);
        Assert.Empty(body.FilterServerList);
    }

    [Fact]
    public void Register_broker_body_is_written_byte_exact_as_java_writes_it()
    {
        var body = RegisterBrokerBody.Decode(Encoding.UTF8.GetBytes(JavaRegisterBody), compressed: false);

        Assert.Equal(JavaRegisterBody, body.ToJson());
    }

    [Fact]
    public void Compressed_register_body_round_trips_and_loses_sysflag_and_order_like_java()
    {
        var body = new RegisterBrokerBody { FilterServerList = { "10.0.0.9:30000" } };
        body.TopicConfigSerializeWrapper.DataVersion = new DataVersion(1700000000000, 3);
        body.TopicConfigSerializeWrapper.TopicConfigTable["T1"] = new TopicConfig { TopicName = "T1", ReadQueueNums = 4, WriteQueueNums = 2, Perm = 7, TopicSysFlag = 1, Order = true };
        body.TopicConfigSerializeWrapper.TopicConfigTable["T2"] = new TopicConfig { TopicName = "T2", TopicFilterType = TopicFilterType.MULTI_TAG };

        var bytes = body.Encode(compressed: true);
        var decoded = RegisterBrokerBody.Decode(bytes, compressed: true);

        Assert.Equal(0x78, bytes[0]); // zlib header
        Assert.Equal(new DataVersion(1700000000000, 3), decoded.TopicConfigSerializeWrapper.DataVersion);
        Assert.Equal(new TopicConfig { TopicName = "T1", ReadQueueNums = 4, WriteQueueNums = 2, Perm = 7 }, decoded.TopicConfigSerializeWrapper.TopicConfigTable["T1"]);
        Assert.Equal(TopicFilterType.MULTI_TAG, decoded.TopicConfigSerializeWrapper.TopicConfigTable["T2"].TopicFilterType);
        Assert.Equal(["10.0.0.9:30000"], decoded.FilterServerList);
    }

    [Fact]
    public void Compressed_register_body_in_javas_layout_is_decoded()
    {
        // [len][DataVersion JSON][count]([len]["name r w perm filter"])*[len][filter list JSON], zlib
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            void Chunk(string text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                zlib.Write([(byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length]);
                zlib.Write(bytes);
            }

            Chunk("""{"counter":12,"timestamp":1700000000000}""");
            zlib.Write([0, 0, 0, 1]);
            Chunk("TopicTest 8 8 6 SINGLE_TAG");
            Chunk("[]");
        }

        var body = RegisterBrokerBody.Decode(raw.ToArray(), compressed: true);

        Assert.Equal(12, body.TopicConfigSerializeWrapper.DataVersion.Counter);
        Assert.Equal(8, body.TopicConfigSerializeWrapper.TopicConfigTable["TopicTest"].WriteQueueNums);
    }

    [Fact]
    public void A_truncated_compressed_body_is_a_format_error()
    {
        var bytes = new RegisterBrokerBody().Encode(compressed: true);

        Assert.ThrowsAny<FormatException>(() => RegisterBrokerBody.Decode(bytes.AsSpan(0, bytes.Length / 2), compressed: true));
    }

    [Fact]
    public void Route_from_java_is_decoded_with_numeric_broker_ids()
    {
        var route = JsonBody.FromJson<TopicRouteData>(JavaRoute);

        var broker = Assert.Single(route.BrokerDatas);
        Assert.Equal("10.0.0.1:10911", broker.BrokerAddrs[0]);
        Assert.Equal("10.0.0.2:10911", broker.BrokerAddrs[1]);
        Assert.Equal("DefaultCluster", broker.Cluster);
        Assert.Equal(6, Assert.Single(route.QueueDatas).Perm);
    }

    [Fact]
    public void Route_is_written_byte_exact_in_the_legacy_form()
    {
        var route = JsonBody.FromJson<TopicRouteData>(JavaRoute);

        Assert.Equal(JavaRoute, route.ToJson(FjFormat.Legacy));
    }

    [Fact]
    public void Route_is_written_with_quoted_keys_in_the_standard_form()
    {
        var route = JsonBody.FromJson<TopicRouteData>(JavaRoute);
        route.OrderTopicConf = "broker-a:4";

        Assert.Equal(
            """{"brokerDatas":[{"brokerAddrs":{"0":"10.0.0.1:10911","1":"10.0.0.2:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":{},"orderTopicConf":"broker-a:4","queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":8,"topicSysFlag":0,"writeQueueNums":8}]}""",
            route.ToJson(FjFormat.Standard));
    }

    [Fact]
    public void Standard_route_is_read_back_too()
    {
        var route = JsonBody.FromJson<TopicRouteData>(JsonBody.FromJson<TopicRouteData>(JavaRoute).ToJson(FjFormat.Standard));

        Assert.Equal("10.0.0.2:10911", route.BrokerDatas[0].BrokerAddrs[1]);
    }

    [Fact]
    public void Cluster_info_round_trips_byte_exact()
    {
        var info = JsonBody.FromJson<ClusterInfo>(JavaClusterInfo);

        Assert.Equal(["broker-a", "broker-b"], info.ClusterAddrTable["DefaultCluster"]);
        Assert.Equal(JavaClusterInfo, info.ToJson());
    }

    [Fact]
    public void Kv_table_and_topic_list_are_written_as_java_does()
    {
        var kv = new KvTable { Table = { ["TopicB"] = "broker-a:4", ["TopicA"] = "broker-a:4;broker-b:4" } };
        var topics = new TopicList { Topics = { "b", "a" }, BrokerAddr = "10.0.0.1:10911" };

        Assert.Equal("""{"table":{"TopicA":"broker-a:4;broker-b:4","TopicB":"broker-a:4"}}""", kv.ToJson());
        Assert.Equal("""{"brokerAddr":"10.0.0.1:10911","topicList":["a","b"]}""", topics.ToJson());
        Assert.Equal("""{"topicList":[]}""", new TopicList().ToJson());
        Assert.Equal("broker-a:4", JsonBody.FromJson<KvTable>(kv.ToJson()).Table["TopicB"]);
        Assert.Equal(["a", "b"], JsonBody.FromJson<TopicList>(topics.ToJson()).Topics);
    }

    [Fact]
    public void Data_version_next_bumps_the_counter_and_takes_the_time()
    {
        var version = JsonBody.FromJson<DataVersion>("""{"counter":12,"timestamp":1700000000000,"stateVersion":0}""");

        var next = version.Next(1700000000500);

        Assert.Equal(new DataVersion(1700000000500, 13), next);
        Assert.Equal("""{"counter":13,"timestamp":1700000000500}""", next.ToJson());
    }

    [Fact]
    public void Topic_config_accepts_old_field_names_and_ordinal_filter_types()
    {
        var config = JsonBody.FromJson<TopicConfig>("""{"topicName":"T","perm":"7","topicSynFlag":2,"topicFilterType":1,"order":"true"}""");

        Assert.Equal(7, config.Perm);
        Assert.Equal(2, config.TopicSysFlag);
        Assert.Equal(TopicFilterType.MULTI_TAG, config.TopicFilterType);
        Assert.True(config.Order);
        Assert.Equal(16, config.ReadQueueNums);
    }

    [Theory]
    [InlineData(6, "RW-", true, true)]
    [InlineData(4, "R--", true, false)]
    [InlineData(2, "-W-", false, true)]
    [InlineData(7, "RWX", true, true)]
    public void Perm_names_print_like_rocketmq(int perm, string text, bool readable, bool writeable)
    {
        Assert.Equal(text, PermName.ToString(perm));
        Assert.Equal(readable, PermName.IsReadable(perm));
        Assert.Equal(writeable, PermName.IsWriteable(perm));
    }
}
