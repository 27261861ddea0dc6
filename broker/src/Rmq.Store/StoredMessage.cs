using System.Buffers.Binary;
using System.Text;

namespace Rmq.Store;

/// <summary>A decoded commit-log record (RocketMQ <c>MessageExt</c>).</summary>
public sealed class StoredMessage
{
    private IReadOnlyDictionary<string, string>? _properties;

    public int StoreSize { get; init; }
    public int MagicCode { get; init; }
    public int BodyCrc { get; init; }
    public int QueueId { get; init; }
    public int Flag { get; init; }
    public long QueueOffset { get; init; }
    public long CommitLogOffset { get; init; }
    public int SysFlag { get; init; }
    public long BornTimestamp { get; init; }
    public HostAddress BornHost { get; init; }
    public long StoreTimestamp { get; init; }
    public HostAddress StoreHost { get; init; }
    public int ReconsumeTimes { get; init; }
    public long PreparedTransactionOffset { get; init; }
    public required byte[] Body { get; init; }
    public required string Topic { get; init; }
    public required string PropertiesString { get; init; }

    /// <summary>Properties parsed from <see cref="PropertiesString"/> (with or without a trailing separator).</summary>
    public IReadOnlyDictionary<string, string> Properties => _properties ??= MessageProperties.Parse(PropertiesString);

    public string? Tags => Properties.GetValueOrDefault(MessageProperties.TAGS);
    public string? Keys => Properties.GetValueOrDefault(MessageProperties.KEYS);
    public string? UniqKey => Properties.GetValueOrDefault(MessageProperties.UNIQ_KEY);

    /// <summary>The offset message id (store host + commit-log offset).</summary>
    public string MsgId => OffsetMessageId.Create(StoreHost, CommitLogOffset);

    /// <summary>Decodes one record; throws <see cref="InvalidDataException"/> on a malformed one.</summary>
    public static StoredMessage Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length < MessageRecord.FixedLengthIPv4)
        {
            throw new InvalidDataException($"record too short: {record.Length} bytes");
        }

        var totalSize = BinaryPrimitives.ReadInt32BigEndian(record);
        var magic = BinaryPrimitives.ReadInt32BigEndian(record[MessageRecord.MagicPos..]);
        if (magic != MessageRecord.MessageMagicCode || totalSize > record.Length || totalSize < MessageRecord.FixedLengthIPv4)
        {
            throw new InvalidDataException($"not a message record (size {totalSize}, magic 0x{magic:X8})");
        }

        var r = record[..totalSize];
        var sysFlag = BinaryPrimitives.ReadInt32BigEndian(r[MessageRecord.SysFlagPos..]);
        var bornV6 = (sysFlag & MessageSysFlag.BORNHOST_V6_FLAG) != 0;
        var storeV6 = (sysFlag & MessageSysFlag.STOREHOSTADDRESS_V6_FLAG) != 0;
        var pos = MessageRecord.BornHostPos;
        var bornHost = HostAddress.Read(r[pos..], bornV6);
        pos += bornV6 ? 20 : 8;
        var storeTimestamp = BinaryPrimitives.ReadInt64BigEndian(r[pos..]);
        pos += 8;
        var storeHost = HostAddress.Read(r[pos..], storeV6);
        pos += storeV6 ? 20 : 8;
        var reconsumeTimes = BinaryPrimitives.ReadInt32BigEndian(r[pos..]);
        pos += 4;
        var prepared = BinaryPrimitives.ReadInt64BigEndian(r[pos..]);
        pos += 8;
        var bodyLength = BinaryPrimitives.ReadInt32BigEndian(r[pos..]);
        pos += 4;
        if (bodyLength < 0 || pos + bodyLength + 3 > totalSize)
        {
            throw new InvalidDataException($"bad body length {bodyLength}");
        }

        var body = r.Slice(pos, bodyLength).ToArray();
        pos += bodyLength;
        int topicLength = r[pos++];
        var topic = Encoding.UTF8.GetString(r.Slice(pos, topicLength));
        pos += topicLength;
        int propertiesLength = BinaryPrimitives.ReadUInt16BigEndian(r[pos..]);
        pos += 2;
        if (pos + propertiesLength > totalSize)
        {
            throw new InvalidDataException($"bad properties length {propertiesLength}");
        }

        return new StoredMessage
        {
            StoreSize = totalSize,
            MagicCode = magic,
            BodyCrc = BinaryPrimitives.ReadInt32BigEndian(r[MessageRecord.BodyCrcPos..]),
            QueueId = BinaryPrimitives.ReadInt32BigEndian(r[MessageRecord.QueueIdPos..]),
            Flag = BinaryPrimitives.ReadInt32BigEndian(r[MessageRecord.FlagPos..]),
            QueueOffset = BinaryPrimitives.ReadInt64BigEndian(r[MessageRecord.QueueOffsetPos..]),
            CommitLogOffset = BinaryPrimitives.ReadInt64BigEndian(r[MessageRecord.PhysicalOffsetPos..]),
            SysFlag = sysFlag,
            BornTimestamp = BinaryPrimitives.ReadInt64BigEndian(r[MessageRecord.BornTimestampPos..]),
            BornHost = bornHost,
            StoreTimestamp = storeTimestamp,
            StoreHost = storeHost,
            ReconsumeTimes = reconsumeTimes,
            PreparedTransactionOffset = prepared,
            Body = body,
            Topic = topic,
            PropertiesString = Encoding.UTF8.GetString(r.Slice(pos, propertiesLength)),
        };
    }

    /// <summary>Decodes back-to-back records (a pull or query response body).</summary>
    public static List<StoredMessage> DecodeAll(ReadOnlySpan<byte> records)
    {
        var list = new List<StoredMessage>();
        while (records.Length >= 4)
        {
            var message = Decode(records);
            list.Add(message);
            records = records[message.StoreSize..];
        }

        return list;
    }
}
