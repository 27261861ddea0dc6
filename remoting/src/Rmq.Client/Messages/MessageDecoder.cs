using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Rmq.Client.Messages;

/// <summary>
/// Decodes CommitLog records (store.md §2) as pull, query and view responses carry them, back to back,
/// with IPv4 or IPv6 hosts per sysflag, version-1 (1-byte topic length) or version-2 (2-byte) records.
/// </summary>
public static class MessageDecoder
{
    public const int MessageMagicCodeV1 = unchecked((int)0xDAA320A7);
    public const int MessageMagicCodeV2 = unchecked((int)0xDAA320AB);

    /// <summary>Decodes every whole record in <paramref name="data"/>; a truncated tail is ignored.</summary>
    /// <exception cref="FormatException">A record has an unknown magic code or inconsistent lengths.</exception>
    public static List<MessageExt> DecodeAll(ReadOnlySpan<byte> data, bool readBody = true, bool decompressBody = true)
    {
        var messages = new List<MessageExt>();
        while (data.Length >= 4)
        {
            var size = BinaryPrimitives.ReadInt32BigEndian(data);
            if (size <= 0 || size > data.Length)
            {
                break;
            }

            messages.Add(Decode(data[..size], readBody, decompressBody));
            data = data[size..];
        }

        return messages;
    }

    /// <summary>Decodes the one record at the start of <paramref name="record"/>.</summary>
    /// <exception cref="FormatException">Unknown magic code, or the record is shorter than its fields.</exception>
    public static MessageExt Decode(ReadOnlySpan<byte> record, bool readBody = true, bool decompressBody = true)
    {
        try
        {
            return DecodeCore(record, readBody, decompressBody);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException("truncated message record", e);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException("compressed message body is not a zlib stream", e);
        }
    }

    private static MessageExt DecodeCore(ReadOnlySpan<byte> record, bool readBody, bool decompressBody)
    {
        var reader = new SpanReader(record);
        var storeSize = reader.Int32();
        var magic = reader.Int32();
        if (magic != MessageMagicCodeV1 && magic != MessageMagicCodeV2)
        {
            throw new FormatException($"unknown message magic code 0x{magic:X8}");
        }

        var bodyCrc = reader.Int32();
        var queueId = reader.Int32();
        var flag = reader.Int32();
        var queueOffset = reader.Int64();
        var commitLogOffset = reader.Int64();
        var sysFlag = reader.Int32();
        var bornTimestamp = reader.Int64();
        var bornHost = reader.Host((sysFlag & MessageSysFlag.BornHostV6Flag) != 0);
        var storeTimestamp = reader.Int64();
        var storeHost = reader.Host((sysFlag & MessageSysFlag.StoreHostV6Flag) != 0);
        var reconsumeTimes = reader.Int32();
        var preparedTransactionOffset = reader.Int64();
        var bodyLength = reader.Int32();
        byte[] body = [];
        if (bodyLength > 0)
        {
            var raw = reader.Bytes(bodyLength);
            if (readBody)
            {
                body = decompressBody && MessageSysFlag.IsCompressed(sysFlag) ? BodyCompression.Decompress(raw) : raw.ToArray();
            }
        }

        var topicLength = magic == MessageMagicCodeV2 ? reader.UInt16() : reader.UInt8();
        var topic = Encoding.UTF8.GetString(reader.Bytes(topicLength));
        var propertiesLength = reader.Int16();
        var properties = propertiesLength > 0 ? MessageProperties.Decode(reader.Bytes(propertiesLength)) : null;

        var message = new MessageExt
        {
            StoreSize = storeSize,
            BodyCrc = bodyCrc,
            QueueId = queueId,
            QueueOffset = queueOffset,
            CommitLogOffset = commitLogOffset,
            SysFlag = sysFlag,
            BornTimestamp = bornTimestamp,
            BornHost = bornHost,
            StoreTimestamp = storeTimestamp,
            StoreHost = storeHost,
            ReconsumeTimes = reconsumeTimes,
            PreparedTransactionOffset = preparedTransactionOffset,
            OffsetMsgId = MessageId.Create(storeHost, commitLogOffset),
            Topic = topic,
            Flag = flag,
            Body = body,
        };
        if (properties is not null)
        {
            message.ReplaceProperties(properties);
        }

        return message;
    }

    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Bytes(4));

        public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Bytes(8));

        public short Int16() => BinaryPrimitives.ReadInt16BigEndian(Bytes(2));

        public int UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Bytes(2));

        public int UInt8() => Bytes(1)[0];

        public IPEndPoint Host(bool v6)
        {
            var address = new IPAddress(Bytes(v6 ? 16 : 4));
            return new IPEndPoint(address, Int32());
        }

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || _position + count > _data.Length)
            {
                throw new FormatException($"truncated message record: need {count} bytes at {_position}, record has {_data.Length}");
            }

            var slice = _data.Slice(_position, count);
            _position += count;
            return slice;
        }
    }
}
