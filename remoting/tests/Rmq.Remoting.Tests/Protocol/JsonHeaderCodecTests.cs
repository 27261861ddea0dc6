using System.Buffers.Binary;
using System.Text;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Tests.Protocol;

public class JsonHeaderCodecTests
{
    private static byte[] Frame(string headerJson, byte type = 0, byte[]? body = null)
    {
        var header = Encoding.UTF8.GetBytes(headerJson);
        body ??= [];
        var frame = new byte[8 + header.Length + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, 4 + header.Length + body.Length);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), (type << 24) | header.Length);
        header.CopyTo(frame, 8);
        body.CopyTo(frame, 8 + header.Length);
        return frame;
    }

    private static string HeaderText(byte[] frame)
    {
        var headerLength = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(4)) & 0xFFFFFF;
        return Encoding.UTF8.GetString(frame, 8, headerLength);
    }

    [Theory]
    [InlineData(SerializeType.Json)]
    [InlineData(SerializeType.RocketMQ)]
    public void A_header_larger_than_the_retained_scratch_buffer_and_a_small_one_after_it_both_round_trip(SerializeType type)
    {
        // Given a command whose remark makes a 200 KB header, then a small one, encoded on the same thread
        var large = RemotingCommand.CreateResponse(ResponseCode.SystemError, new string('x', 200_000));
        large.SerializeType = type;
        var small = RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic).WithExtField("topic", "TopicTest");
        small.SerializeType = type;
        small.Opaque = 7;

        // When each is encoded and decoded back
        var largeBack = RemotingCommandCodec.DecodeWithLength(RemotingCommandCodec.Encode(large));
        var smallFrame = RemotingCommandCodec.Encode(small);
        var smallBack = RemotingCommandCodec.DecodeWithLength(smallFrame);

        // Then both round-trip, and the small frame holds nothing of the large one
        Assert.Equal(large.Remark, largeBack.Remark);
        Assert.Equal("TopicTest", smallBack.GetExtField("topic"));
        Assert.Equal(7, smallBack.Opaque);
        Assert.True(smallFrame.Length < 200, $"small frame is {smallFrame.Length} bytes");
    }

    [Fact]
    public void Decodes_a_Java_route_request()
    {
        var frame = Frame("""{"code":105,"extFields":{"topic":"TopicTest"},"flag":0,"language":"JAVA","opaque":13,"serializeTypeCurrentRPC":"JSON","version":407}""");

        var command = RemotingCommandCodec.DecodeWithLength(frame);

        Assert.Equal(RequestCode.GetRouteInfoByTopic, command.Code);
        Assert.Equal("TopicTest", command.GetExtField("topic"));
        Assert.Equal(13, command.Opaque);
        Assert.Equal(407, command.Version);
        Assert.False(command.IsResponse);
        Assert.False(command.IsOneway);
    }

    [Fact]
    public void Decodes_ali_ons_typed_extFields_into_Java_strings()
    {
        // ali-ons copies JS values verbatim: numbers and booleans, not strings.
        var frame = Frame("""{"code":310,"language":"JAVA","opaque":7,"flag":0,"version":121,"extFields":{"a":"G","b":"T","d":4,"e":0,"g":1795565440365,"k":false,"u":true,"n":null,"f":-1}}""");

        var command = RemotingCommandCodec.DecodeWithLength(frame);

        Assert.Equal("4", command.GetExtField("d"));
        Assert.Equal("0", command.GetExtField("e"));
        Assert.Equal("1795565440365", command.GetExtField("g"));
        Assert.Equal("false", command.GetExtField("k"));
        Assert.Equal("true", command.GetExtField("u"));
        Assert.Equal("-1", command.GetExtField("f"));
        Assert.Null(command.GetExtField("n"));
        Assert.Equal(121, command.Version);
    }

    [Fact]
    public void Writes_an_error_response_as_Java_does()
    {
        // Given RocketMQ's documented example of an error response
        var response = RemotingCommand.CreateResponse(ResponseCode.TopicNotExist, "No topic route info in name server for the topic: T");
        response.Opaque = 12;

        var text = HeaderText(RemotingCommandCodec.Encode(response));

        // Then keys are alphabetical, null extFields omitted, strict JSON that ali-ons' JSON.parse accepts
        Assert.Equal("""{"code":17,"flag":1,"language":"JAVA","opaque":12,"remark":"No topic route info in name server for the topic: T","serializeTypeCurrentRPC":"JSON","version":407}""", text);
    }

    [Fact]
    public void Writes_every_extFields_value_as_a_string_and_escapes_control_characters()
    {
        var command = RemotingCommand.CreateRequest(RequestCode.SendMessageV2)
            .WithExtField("d", "4")
            .WithExtField("i", "KEYS\u0001k1\u0002TAGS\u0001TagA");

        var text = HeaderText(RemotingCommandCodec.Encode(command));

        Assert.Contains("\"d\":\"4\"", text, StringComparison.Ordinal);
        Assert.Contains(@"""i"":""KEYS\u0001k1\u0002TAGS\u0001TagA""", text, StringComparison.Ordinal);
        Assert.DoesNotContain("remark", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_answers_in_the_serialization_of_the_request()
    {
        var request = RemotingCommandCodec.DecodeWithLength(RemotingCommandCodec.Encode(
            new RemotingCommand { Code = RequestCode.HeartBeat, Opaque = 99, SerializeType = SerializeType.RocketMQ }));

        var response = RemotingCommand.CreateResponse(ResponseCode.Success).AsResponseTo(request);
        var frame = RemotingCommandCodec.Encode(response);

        Assert.Equal((byte)SerializeType.RocketMQ, frame[4]);
        Assert.Equal(99, RemotingCommandCodec.DecodeWithLength(frame).Opaque);
    }

    [Fact]
    public void Keeps_the_body_after_the_header()
    {
        var frame = Frame("""{"code":34,"flag":0,"language":"JAVA","opaque":1,"version":407}""", body: "{\"clientID\":\"x\"}"u8.ToArray());

        var command = RemotingCommandCodec.DecodeWithLength(frame);

        Assert.Equal("{\"clientID\":\"x\"}", Encoding.UTF8.GetString(command.Body.Span));
        Assert.Null(command.ExtFields);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"code":"x"}""")]
    [InlineData("""{"flag":0}""")]
    [InlineData("""{"code":1,"extFields":[1]}""")]
    [InlineData("""{"code":1""")]
    public void Rejects_a_malformed_JSON_header_with_a_RemotingCommandException(string header)
    {
        var exception = Assert.Throws<RemotingCommandException>(() => RemotingCommandCodec.DecodeWithLength(Frame(header)));
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
    }

    [Fact]
    public void Rejects_an_unknown_serialize_type()
    {
        var exception = Assert.Throws<RemotingCommandException>(() => RemotingCommandCodec.DecodeWithLength(Frame("""{"code":1}""", type: 7)));
        Assert.Contains("serialize type 7", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_header_length_beyond_the_frame()
    {
        var frame = Frame("""{"code":1}""");
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), 5000);

        Assert.Throws<RemotingCommandException>(() => RemotingCommandCodec.DecodeWithLength(frame));
    }
}
