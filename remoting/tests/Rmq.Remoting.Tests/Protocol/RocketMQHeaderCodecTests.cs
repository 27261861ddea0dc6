using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Tests.Protocol;

public class RocketMQHeaderCodecTests
{
    [Fact]
    public void Writes_the_fixed_part_remark_and_extFields_in_Java_layout()
    {
        var command = new RemotingCommand
        {
            Code = 105,
            Language = LanguageCode.JAVA,
            Version = 321,
            Opaque = 0x01020304,
            Flag = 1,
            Remark = "golden",
            SerializeType = SerializeType.RocketMQ,
            Body = "body"u8.ToArray(),
        }.WithExtField("alpha", "first").WithExtField("zeta", "last");

        var hex = Convert.ToHexString(RemotingCommandCodec.Encode(command));

        // length 0x41, type 1 + header length 0x39, code 0x0069, JAVA, version 0x0141, opaque, flag,
        // remark "golden", extFields (5 "alpha" 5 "first" 4 "zeta" 4 "last"), body "body"
        Assert.Equal("00000041010000390069000141010203040000000100000006676F6C64656E0000001E0005616C70686100000005666972737400047A657461000000046C617374626F6479", hex);
    }

    [Fact]
    public void An_empty_remark_decodes_as_null_and_no_extFields_as_null()
    {
        var frame = RemotingCommandCodec.Encode(new RemotingCommand { Code = 34, SerializeType = SerializeType.RocketMQ, Remark = string.Empty });

        var command = RemotingCommandCodec.DecodeWithLength(frame);

        Assert.Null(command.Remark);
        Assert.Null(command.ExtFields);
    }

    [Theory]
    [InlineData("0069000141010203040000000100000010")] // remark length 16 with no bytes behind it
    [InlineData("006900014101020304000000010000000000000020")] // extFields length 32 with nothing behind it
    [InlineData("00690001410102030400000001FFFFFFFF00000000")] // negative remark length
    [InlineData("0069")] // shorter than the fixed part
    public void Rejects_truncated_or_negative_lengths(string headerHex)
    {
        var header = Convert.FromHexString(headerHex);
        var frame = new byte[4 + header.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame, (1 << 24) | header.Length);
        header.CopyTo(frame, 4);

        Assert.Throws<RemotingCommandException>(() => RemotingCommandCodec.Decode(frame));
    }
}

public class RocketMQHeaderLimitsTests
{
    [Theory]
    [InlineData(40000, 407)]
    [InlineData(105, 70000)]
    public void Refuses_a_code_or_version_beyond_16_bits_instead_of_wrapping(int code, int version)
    {
        var command = new RemotingCommand { Code = code, Version = version, SerializeType = SerializeType.RocketMQ };

        Assert.Throws<RemotingCommandException>(() => RemotingCommandCodec.Encode(command));
    }

    [Fact]
    public void Refuses_an_extFields_key_beyond_16_bits()
    {
        var command = new RemotingCommand { Code = 1, SerializeType = SerializeType.RocketMQ }.WithExtField(new string('k', 40000), "v");

        Assert.Throws<RemotingCommandException>(() => RemotingCommandCodec.Encode(command));
    }

    [Fact]
    public void An_unknown_language_byte_is_written_to_JSON_as_OTHER()
    {
        var command = new RemotingCommand { Code = 1, Language = (LanguageCode)200 };

        var decoded = RemotingCommandCodec.DecodeWithLength(RemotingCommandCodec.Encode(command));

        Assert.Equal(LanguageCode.OTHER, decoded.Language);
    }
}
