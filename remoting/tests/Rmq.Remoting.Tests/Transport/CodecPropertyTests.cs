using CsCheck;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Tests.Transport;

public sealed class CodecPropertyTests
{
    private static readonly Gen<string> Text = Gen.Char["abcxyzABC019 _-:;,.{}\"\\\u0001\u00e9\u4e2d"].Array[1, 24].Select(chars => new string(chars));

    private static readonly Gen<Dictionary<string, string>?> ExtFields =
        Gen.Select(Text, Text).Array[0, 6]
            .Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal))
            .Null(0.2)!;

    [Fact]
    public void Decoding_random_bytes_returns_a_command_or_throws_RemotingCommandException_only()
    {
        // Half the inputs start with a plausible header word so the header codecs get exercised.
        var plausible = Gen.Select(Gen.Int[0, 1], Gen.Byte.Array[0, 200]).Select((type, tail) =>
        {
            var bytes = new byte[4 + tail.Length];
            bytes[0] = (byte)type;
            bytes[3] = (byte)Math.Min(tail.Length, 255);
            tail.CopyTo(bytes, 4);
            return bytes;
        });
        var jsonish = Gen.Select(Gen.Int[0, 1], Gen.Char["{}[]\":,0123456789-eE.truefalsnl code flag extFields remark language\\u"].Array[0, 120]).Select((_, chars) =>
        {
            var header = System.Text.Encoding.UTF8.GetBytes(new string(chars));
            var bytes = new byte[4 + header.Length];
            bytes[2] = (byte)(header.Length >> 8);
            bytes[3] = (byte)header.Length;
            header.CopyTo(bytes, 4);
            return bytes;
        });
        Gen.OneOf(Gen.Byte.Array[0, 200], plausible, jsonish).Sample(bytes =>
        {
            try
            {
                _ = RemotingCommandCodec.Decode(bytes);
            }
            catch (RemotingCommandException)
            {
                // the contract for malformed input
            }
        }, iter: 3000, threads: 1);
    }

    [Theory]
    [InlineData(SerializeType.Json)]
    [InlineData(SerializeType.RocketMQ)]
    public void A_random_command_survives_encode_then_decode(SerializeType type)
    {
        var commands = Gen.Select(
            Gen.Int[short.MinValue, short.MaxValue],
            Gen.Enum<LanguageCode>(),
            Gen.Int[short.MinValue, short.MaxValue],
            Gen.Int,
            Gen.Int[0, 3],
            Text.Null(0.3),
            ExtFields,
            Gen.Byte.Array[0, 64],
            (code, language, version, opaque, flag, remark, ext, body) => new RemotingCommand
            {
                Code = code,
                Language = language,
                Version = version,
                Opaque = opaque,
                Flag = flag,
                Remark = remark,
                ExtFields = ext,
                Body = body,
                SerializeType = type,
            });

        commands.Sample(command =>
        {
            var decoded = RemotingCommandCodec.DecodeWithLength(RemotingCommandCodec.Encode(command));
            Assert.Equal(command.Code, decoded.Code);
            Assert.Equal(command.Language, decoded.Language);
            Assert.Equal(command.Version, decoded.Version);
            Assert.Equal(command.Opaque, decoded.Opaque);
            Assert.Equal(command.Flag, decoded.Flag);
            Assert.Equal(command.Remark, decoded.Remark);
            Assert.Equal(type, decoded.SerializeType);
            Assert.Equal(command.Body.ToArray(), decoded.Body.ToArray());
            if (command.ExtFields is null || (type == SerializeType.RocketMQ && command.ExtFields.Count == 0))
            {
                // ROCKETMQ cannot tell an empty extFields from none
                Assert.True(decoded.ExtFields is null || decoded.ExtFields.Count == 0);
            }
            else
            {
                Assert.Equal(command.ExtFields, decoded.ExtFields);
            }
        }, iter: 2000, threads: 1, print: c => c.ToString());
    }
}
