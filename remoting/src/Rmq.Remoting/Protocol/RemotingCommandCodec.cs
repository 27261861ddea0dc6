using System.Buffers;
using System.Buffers.Binary;

namespace Rmq.Remoting.Protocol;

/// <summary>
/// Encodes and decodes whole remoting frames:
/// <c>[length int32][serializeType &lt;&lt; 24 | headerLength int32][header][body]</c>, big-endian,
/// where length counts everything after itself.
/// </summary>
public static class RemotingCommandCodec
{
    /// <summary>The largest frame accepted (length field value), as Java's default frameMaxLength.</summary>
    public const int MaxFrameLength = 16 * 1024 * 1024;

    /// <summary>A header scratch buffer that grew past this is not kept for the thread's next frame.</summary>
    private const int MaxRetainedScratch = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _headerScratch;

    /// <summary>Writes the whole frame, length prefix included, in the command's serialization.</summary>
    public static void Encode(RemotingCommand command, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        var header = EncodeHeaderToScratch(command);
        WriteFrame(command, header.WrittenSpan, output);
        ReleaseScratch(header);
    }

    /// <summary>
    /// Encodes the header into this thread's scratch buffer (no allocation once warm), valid until the thread's next
    /// encode; so a caller can size the frame's buffer exactly before <see cref="WriteFrame"/>.
    /// </summary>
    internal static ArrayBufferWriter<byte> EncodeHeaderToScratch(RemotingCommand command)
    {
        var header = _headerScratch ??= new ArrayBufferWriter<byte>(1024);
        header.ResetWrittenCount();
        if (command.SerializeType == SerializeType.RocketMQ)
        {
            RocketMQHeaderCodec.Encode(command, header);
        }
        else
        {
            JsonHeaderCodec.EncodeToScratch(command, header);
        }

        return header;
    }

    /// <summary>Drops an oversized scratch buffer (a huge remark or custom header) rather than keeping it per thread.</summary>
    internal static void ReleaseScratch(ArrayBufferWriter<byte> header)
    {
        if (header.Capacity > MaxRetainedScratch && ReferenceEquals(header, _headerScratch))
        {
            _headerScratch = null;
            JsonHeaderCodec.ReleaseScratchWriter();
        }
    }

    /// <summary>The frame's size with its length prefix, for a header of <paramref name="headerLength"/> bytes.</summary>
    internal static int FrameLength(RemotingCommand command, int headerLength) => 8 + headerLength + command.Body.Length;

    /// <summary>Writes the length prefix, the header-length word, <paramref name="header"/> and the body.</summary>
    internal static void WriteFrame(RemotingCommand command, ReadOnlySpan<byte> header, IBufferWriter<byte> output)
    {
        var headerLength = header.Length;
        var length = 4 + headerLength + command.Body.Length;
        var prefix = output.GetSpan(8);
        BinaryPrimitives.WriteInt32BigEndian(prefix, length);
        BinaryPrimitives.WriteInt32BigEndian(prefix[4..], ((int)command.SerializeType << 24) | headerLength);
        output.Advance(8);
        output.Write(header);
        if (!command.Body.IsEmpty)
        {
            output.Write(command.Body.Span);
        }
    }

    /// <summary>The whole frame as a new array.</summary>
    public static byte[] Encode(RemotingCommand command)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (command?.Body.Length ?? 0));
        Encode(command!, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void EncodeHeader(RemotingCommand command, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.SerializeType == SerializeType.RocketMQ)
        {
            RocketMQHeaderCodec.Encode(command, output);
        }
        else
        {
            JsonHeaderCodec.Encode(command, output);
        }
    }

    /// <summary>
    /// Decodes a frame whose 4-byte length prefix was already removed by the framer. The returned
    /// command's body is a slice of <paramref name="frame"/> (no copy).
    /// </summary>
    /// <exception cref="RemotingCommandException">The bytes are not a valid frame.</exception>
    public static RemotingCommand Decode(ReadOnlyMemory<byte> frame)
    {
        var span = frame.Span;
        if (span.Length < 4)
        {
            throw new RemotingCommandException($"frame too short: {span.Length} bytes, need at least 4 for the header length");
        }

        var word = BinaryPrimitives.ReadInt32BigEndian(span);
        var type = (byte)((word >> 24) & 0xFF);
        var headerLength = word & 0xFFFFFF;
        if (headerLength > span.Length - 4)
        {
            throw new RemotingCommandException($"header length {headerLength} exceeds the frame ({span.Length - 4} bytes after the length word)");
        }

        var header = span.Slice(4, headerLength);
        var command = type switch
        {
            (byte)SerializeType.Json => JsonHeaderCodec.Decode(header),
            (byte)SerializeType.RocketMQ => RocketMQHeaderCodec.Decode(header),
            _ => throw new RemotingCommandException($"unknown serialize type {type} in the header length word 0x{word:X8}"),
        };
        command.SerializeType = (SerializeType)type;
        command.Body = frame[(4 + headerLength)..];
        return command;
    }

    /// <summary>Decodes a frame that still starts with its 4-byte length prefix.</summary>
    public static RemotingCommand DecodeWithLength(ReadOnlyMemory<byte> frame)
    {
        var span = frame.Span;
        if (span.Length < 4)
        {
            throw new RemotingCommandException("frame too short for its length prefix");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(span);
        if (length < 4 || length > MaxFrameLength || length != span.Length - 4)
        {
            throw new RemotingCommandException($"bad frame length {length} for {span.Length - 4} bytes");
        }

        return Decode(frame[4..]);
    }
}
