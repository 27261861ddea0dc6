using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers;

namespace Rmq.NameServer.Tests;

public class HeaderFixtureTests
{
    [Theory]
    [InlineData("delete-topic-inherited-json.json")]
    [InlineData("delete-topic-inherited-rocketmq.json")]
    public void Golden_delete_topic_frame_decodes_to_the_typed_header(string fixture)
    {
        var json = FjReader.ParseObject(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", fixture)));
        var frame = Convert.FromBase64String(json.GetString("frameBase64")!);
        var canonical = json.GetObject("canonicalExtFields")!;

        var command = RemotingCommandCodec.DecodeWithLength(frame);
        var header = command.ReadHeader<DeleteTopicFromNamesrvRequestHeader>();

        Assert.Equal(RequestCode.DeleteTopicInNamesrv, command.Code);
        Assert.Equal(canonical.GetString("topic"), header.Topic);
        Assert.Equal(canonical.GetString("clusterName"), header.ClusterName);
        Assert.Equal("TopicA", header.Topic);
        Assert.Equal("DefaultCluster", header.ClusterName);
    }

    [Fact]
    public void Register_broker_headers_round_trip_with_javas_field_names()
    {
        var header = new RegisterBrokerRequestHeader
        {
            BrokerName = "broker-a", BrokerAddr = "10.0.0.1:10911", ClusterName = "DefaultCluster",
            HaServerAddr = "10.0.0.1:10912", BrokerId = 1, Compressed = true, BodyCrc32 = 123,
        };
        var fields = new Dictionary<string, string>();

        header.Write(fields);

        Assert.Equal("1", fields["brokerId"]);
        Assert.Equal("true", fields["compressed"]);
        Assert.Equal("123", fields["bodyCrc32"]);
        Assert.Equal(header, RegisterBrokerRequestHeader.Read(new HeaderReader(fields)));
    }

    [Fact]
    public void Register_broker_header_defaults_compressed_false_and_crc_zero()
    {
        var fields = new Dictionary<string, string>
        {
            ["brokerName"] = "b", ["brokerAddr"] = "a:1", ["clusterName"] = "c", ["haServerAddr"] = "a:2", ["brokerId"] = "0",
        };

        var header = RegisterBrokerRequestHeader.Read(new HeaderReader(fields));

        Assert.False(header.Compressed);
        Assert.Equal(0, header.BodyCrc32);
    }

    [Fact]
    public void Response_headers_omit_null_fields()
    {
        var fields = new Dictionary<string, string>();

        new RegisterBrokerResponseHeader(null, "10.0.0.1:10911").Write(fields);

        Assert.Equal(["masterAddr"], fields.Keys);
    }
}
