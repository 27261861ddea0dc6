using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>
/// The body of REGISTER_BROKER from brokers of version ≥ V3_0_11 (codes.md §3.1), as JSON or in the
/// zlib-compressed form: <c>[len][DataVersion JSON] [count] ([len]["name r w perm filter"])* [len][filter list JSON]</c>,
/// big-endian int32 lengths.
/// </summary>
public sealed class RegisterBrokerBody : IJsonBody<RegisterBrokerBody>
{
    public TopicConfigSerializeWrapper TopicConfigSerializeWrapper { get; set; } = new();

    public List<string> FilterServerList { get; init; } = [];

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStringArray("filterServerList", FilterServerList);
        writer.WritePropertyName("topicConfigSerializeWrapper");
        TopicConfigSerializeWrapper.WriteJson(writer);
        writer.WriteEndObject();
    }

    public static RegisterBrokerBody ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(RegisterBrokerBody));
        return new RegisterBrokerBody
        {
            TopicConfigSerializeWrapper = json.GetObject("topicConfigSerializeWrapper") is { } wrapper
                ? TopicConfigSerializeWrapper.ReadJson(wrapper)
                : new TopicConfigSerializeWrapper(),
            FilterServerList = json.GetArray("filterServerList")?.ToStringList() ?? [],
        };
    }

    /// <summary>The body as sent: JSON, or the compressed form when <paramref name="compressed"/>.</summary>
    public byte[] Encode(bool compressed)
    {
        if (!compressed)
        {
            return this.Encode(FjFormat.Legacy);
        }

        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            WriteChunk(zlib, TopicConfigSerializeWrapper.DataVersion.Encode());
            WriteInt(zlib, TopicConfigSerializeWrapper.TopicConfigTable.Count);
            foreach (var config in TopicConfigSerializeWrapper.TopicConfigTable.Values)
            {
                WriteChunk(zlib, Encoding.UTF8.GetBytes(config.EncodeCompact()));
            }

            var filters = new FjWriter();
            filters.WriteStartArray();
            foreach (var server in FilterServerList)
            {
                filters.WriteString(server);
            }

            filters.WriteEndArray();
            WriteChunk(zlib, filters.ToUtf8Bytes());
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes the body in either form.</summary>
    /// <exception cref="FormatException">The body is truncated, not zlib, or not the expected JSON.</exception>
    public static RegisterBrokerBody Decode(ReadOnlySpan<byte> body, bool compressed)
    {
        if (!compressed)
        {
            return JsonBody.Decode<RegisterBrokerBody>(body);
        }

        try
        {
            using var zlib = new ZLibStream(new MemoryStream(body.ToArray(), writable: false), CompressionMode.Decompress);
            var version = DataVersion.ReadJson(FjReader.Parse(ReadChunk(zlib)));
            var result = new RegisterBrokerBody { TopicConfigSerializeWrapper = new TopicConfigSerializeWrapper { DataVersion = version } };
            var count = ReadInt(zlib);
            if (count < 0)
            {
                throw new FormatException($"negative topic count {count} in a compressed registration body");
            }

            for (var i = 0; i < count; i++)
            {
                var config = TopicConfig.DecodeCompact(Encoding.UTF8.GetString(ReadChunk(zlib)));
                result.TopicConfigSerializeWrapper.TopicConfigTable[config.TopicName!] = config;
            }

            if (FjReader.Parse(ReadChunk(zlib)) is FjArray filters)
            {
                result.FilterServerList.AddRange(filters.ToStringList());
            }

            return result;
        }
        catch (InvalidDataException e)
        {
            throw new FormatException("the compressed registration body is not a zlib stream", e);
        }
    }

    private static void WriteInt(Stream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteChunk(Stream stream, byte[] bytes)
    {
        WriteInt(stream, bytes.Length);
        stream.Write(bytes);
    }

    private static int ReadInt(Stream stream)
    {
        Span<byte> bytes = stackalloc byte[4];
        stream.ReadExactly(bytes);
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    private static byte[] ReadChunk(Stream stream)
    {
        var length = ReadInt(stream);
        if (length < 0 || length > RemotingCommandCodec.MaxFrameLength)
        {
            throw new FormatException($"bad chunk length {length} in a compressed registration body");
        }

        var bytes = new byte[length];
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException e)
        {
            throw new FormatException("the compressed registration body ends early", e);
        }

        return bytes;
    }
}
