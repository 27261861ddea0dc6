using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Rmq.Remoting.Protocol;

/// <summary>
/// The binary ROCKETMQ header: code int16, language byte, version int16, opaque int32, flag int32,
/// remark (int32 length + UTF-8), extFields (int32 length + entries of int16 key length, key,
/// int32 value length, value). A 0-length remark decodes as null.
/// </summary>
internal static class RocketMQHeaderCodec
{
    private const int FixedLength = 2 + 1 + 2 + 4 + 4;

    public static void Encode(RemotingCommand command, IBufferWriter<byte> output)
    {
        if (command.Code is < short.MinValue or > short.MaxValue || command.Version is < short.MinValue or > short.MaxValue)
        {
            throw new RemotingCommandException($"code {command.Code} or version {command.Version} does not fit the 16 bits of a ROCKETMQ header");
        }

        var remark = command.Remark is null ? [] : Encoding.UTF8.GetBytes(command.Remark);
        var extLength = 0;
        if (command.ExtFields is { } fields)
        {
            foreach (var (key, value) in fields)
            {
                var keyLength = Encoding.UTF8.GetByteCount(key);
                if (keyLength > short.MaxValue)
                {
                    throw new RemotingCommandException($"extFields key of {keyLength} bytes does not fit the 16-bit length of a ROCKETMQ header");
                }

                extLength += 2 + keyLength + 4 + Encoding.UTF8.GetByteCount(value);
            }
        }

        var total = FixedLength + 4 + remark.Length + 4 + extLength;
        var span = output.GetSpan(total)[..total];
        BinaryPrimitives.WriteInt16BigEndian(span, (short)command.Code);
        span[2] = (byte)command.Language;
        BinaryPrimitives.WriteInt16BigEndian(span[3..], (short)command.Version);
        BinaryPrimitives.WriteInt32BigEndian(span[5..], command.Opaque);
        BinaryPrimitives.WriteInt32BigEndian(span[9..], command.Flag);
        BinaryPrimitives.WriteInt32BigEndian(span[13..], remark.Length);
        remark.CopyTo(span[17..]);
        var position = 17 + remark.Length;
        BinaryPrimitives.WriteInt32BigEndian(span[position..], extLength);
        position += 4;
        if (command.ExtFields is { } entries)
        {
            foreach (var (key, value) in entries)
            {
                var keyLength = Encoding.UTF8.GetBytes(key, span[(position + 2)..]);
                BinaryPrimitives.WriteInt16BigEndian(span[position..], (short)keyLength);
                position += 2 + keyLength;
                var valueLength = Encoding.UTF8.GetBytes(value, span[(position + 4)..]);
                BinaryPrimitives.WriteInt32BigEndian(span[position..], valueLength);
                position += 4 + valueLength;
            }
        }

        output.Advance(total);
    }

    public static RemotingCommand Decode(ReadOnlySpan<byte> header)
    {
        if (header.Length < FixedLength + 8)
        {
            throw new RemotingCommandException($"ROCKETMQ header too short: {header.Length} bytes, need at least {FixedLength + 8}");
        }

        var command = new RemotingCommand
        {
            Code = BinaryPrimitives.ReadInt16BigEndian(header),
            Language = (LanguageCode)header[2],
            Version = BinaryPrimitives.ReadInt16BigEndian(header[3..]),
            Opaque = BinaryPrimitives.ReadInt32BigEndian(header[5..]),
            Flag = BinaryPrimitives.ReadInt32BigEndian(header[9..]),
        };
        var position = 13;
        var remarkLength = ReadLength(header, ref position, "remark");
        if (remarkLength > 0)
        {
            command.Remark = Encoding.UTF8.GetString(Take(header, ref position, remarkLength, "remark"));
        }

        var extLength = ReadLength(header, ref position, "extFields");
        if (extLength > 0)
        {
            var ext = Take(header, ref position, extLength, "extFields");
            command.ExtFields = DecodeExtFields(ext);
        }

        return command;
    }

    private static Dictionary<string, string> DecodeExtFields(ReadOnlySpan<byte> ext)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        while (position < ext.Length)
        {
            if (ext.Length - position < 2)
            {
                throw new RemotingCommandException("truncated extFields key length");
            }

            int keyLength = BinaryPrimitives.ReadInt16BigEndian(ext[position..]);
            position += 2;
            if (keyLength < 0)
            {
                throw new RemotingCommandException($"negative extFields key length {keyLength}");
            }

            var key = ExtFieldKeys.FromUtf8(Take(ext, ref position, keyLength, "extFields key"));
            var valueLength = ReadLength(ext, ref position, "extFields value");
            var value = Encoding.UTF8.GetString(Take(ext, ref position, valueLength, "extFields value"));
            fields[key] = value;
        }

        return fields;
    }

    private static int ReadLength(ReadOnlySpan<byte> data, ref int position, string what)
    {
        if (data.Length - position < 4)
        {
            throw new RemotingCommandException($"truncated {what} length");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(data[position..]);
        position += 4;
        if (length < 0)
        {
            throw new RemotingCommandException($"negative {what} length {length}");
        }

        return length;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int position, int length, string what)
    {
        if (length > data.Length - position)
        {
            throw new RemotingCommandException($"{what} length {length} exceeds the {data.Length - position} bytes left in the header");
        }

        var slice = data.Slice(position, length);
        position += length;
        return slice;
    }
}
