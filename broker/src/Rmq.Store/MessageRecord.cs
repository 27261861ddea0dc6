using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Rmq.Store;

/// <summary>The v1 commit-log record layout (store.md §2), written and checked in place.</summary>
internal static class MessageRecord
{
    public const int MessageMagicCode = unchecked((int)0xDAA320A7);
    public const int BlankMagicCode = unchecked((int)0xCBD43194);
    public const int EndFileMinBlankLength = 8;
    public const int MaxTopicLength = 127;
    public const int MaxPropertiesLength = short.MaxValue;

    public const int TotalSizePos = 0;
    public const int MagicPos = 4;
    public const int BodyCrcPos = 8;
    public const int QueueIdPos = 12;
    public const int FlagPos = 16;
    public const int QueueOffsetPos = 20;
    public const int PhysicalOffsetPos = 28;
    public const int SysFlagPos = 36;
    public const int BornTimestampPos = 40;
    public const int BornHostPos = 48;

    /// <summary>Fixed part of a record with IPv4 hosts, without body, topic and properties.</summary>
    public const int FixedLengthIPv4 = 91;

    public static int CalcLength(int bornHostLength, int storeHostLength, int bodyLength, int topicLength, int propertiesLength)
        => 75 + bornHostLength + storeHostLength + bodyLength + topicLength + propertiesLength;

    public static int BodyCrc(ReadOnlySpan<byte> body) => (int)(Crc32.HashToUInt32(body) & 0x7FFFFFFF);

    public static int StoreTimestampPos(int sysFlag) => BornHostPos + HostLength(sysFlag, MessageSysFlag.BORNHOST_V6_FLAG);

    public static int HostLength(int sysFlag, int v6Flag) => (sysFlag & v6Flag) != 0 ? 20 : 8;

    /// <summary>Writes one record; <paramref name="destination"/> is exactly the record's length.</summary>
    public static void Write(Span<byte> destination, MessageToStore msg, int sysFlag, int bodyCrc, long queueOffset, long physicalOffset, long storeTimestamp, int topicLength, int propertiesLength)
    {
        var d = destination;
        BinaryPrimitives.WriteInt32BigEndian(d, d.Length);
        BinaryPrimitives.WriteInt32BigEndian(d[MagicPos..], MessageMagicCode);
        BinaryPrimitives.WriteInt32BigEndian(d[BodyCrcPos..], bodyCrc);
        BinaryPrimitives.WriteInt32BigEndian(d[QueueIdPos..], msg.QueueId);
        BinaryPrimitives.WriteInt32BigEndian(d[FlagPos..], msg.Flag);
        BinaryPrimitives.WriteInt64BigEndian(d[QueueOffsetPos..], queueOffset);
        BinaryPrimitives.WriteInt64BigEndian(d[PhysicalOffsetPos..], physicalOffset);
        BinaryPrimitives.WriteInt32BigEndian(d[SysFlagPos..], sysFlag);
        BinaryPrimitives.WriteInt64BigEndian(d[BornTimestampPos..], msg.BornTimestamp);
        var pos = BornHostPos;
        msg.BornHost.WriteTo(d[pos..]);
        pos += msg.BornHost.EncodedLength;
        BinaryPrimitives.WriteInt64BigEndian(d[pos..], storeTimestamp);
        pos += 8;
        msg.StoreHost.WriteTo(d[pos..]);
        pos += msg.StoreHost.EncodedLength;
        BinaryPrimitives.WriteInt32BigEndian(d[pos..], msg.ReconsumeTimes);
        pos += 4;
        BinaryPrimitives.WriteInt64BigEndian(d[pos..], msg.PreparedTransactionOffset);
        pos += 8;
        var body = msg.Body.Span;
        BinaryPrimitives.WriteInt32BigEndian(d[pos..], body.Length);
        pos += 4;
        body.CopyTo(d[pos..]);
        pos += body.Length;
        d[pos++] = (byte)topicLength;
        pos += Encoding.UTF8.GetBytes(msg.Topic, d[pos..]);
        BinaryPrimitives.WriteInt16BigEndian(d[pos..], (short)propertiesLength);
        pos += 2;
        Encoding.UTF8.GetBytes(msg.PropertiesString, d[pos..]);
    }

    /// <summary>Writes the end-of-file blank: <c>[remaining int32][0xCBD43194]</c>.</summary>
    public static void WriteBlank(Span<byte> destination, int remaining)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, remaining);
        BinaryPrimitives.WriteInt32BigEndian(destination[4..], BlankMagicCode);
    }

    /// <summary>
    /// Checks the record at the start of <paramref name="data"/> (which extends to the end of readable data in its file).
    /// </summary>
    public static RecordCheckResult Check(ReadOnlySpan<byte> data, long expectedOffset, bool checkCrc, out DispatchRequest request)
    {
        request = default;
        if (data.Length < 8)
        {
            return data.ContainsAnyExcept((byte)0) ? RecordCheckResult.Incomplete : RecordCheckResult.End;
        }

        var totalSize = BinaryPrimitives.ReadInt32BigEndian(data);
        var magic = BinaryPrimitives.ReadInt32BigEndian(data[MagicPos..]);
        request.TotalSize = totalSize;
        request.CommitLogOffset = expectedOffset;
        if (magic == BlankMagicCode)
        {
            return totalSize < 8 ? RecordCheckResult.Corrupt
                : totalSize == data.Length ? RecordCheckResult.Blank
                : totalSize > data.Length ? RecordCheckResult.Incomplete
                : RecordCheckResult.Corrupt;
        }

        if (magic != MessageMagicCode)
        {
            return totalSize == 0 && magic == 0 ? RecordCheckResult.End : RecordCheckResult.Corrupt;
        }

        if (totalSize < FixedLengthIPv4)
        {
            return RecordCheckResult.Corrupt;
        }

        if (totalSize > data.Length)
        {
            return RecordCheckResult.Incomplete;
        }

        var r = data[..totalSize];
        var bodyCrc = BinaryPrimitives.ReadInt32BigEndian(r[BodyCrcPos..]);
        request.QueueId = BinaryPrimitives.ReadInt32BigEndian(r[QueueIdPos..]);
        request.ConsumeQueueOffset = BinaryPrimitives.ReadInt64BigEndian(r[QueueOffsetPos..]);
        var physicalOffset = BinaryPrimitives.ReadInt64BigEndian(r[PhysicalOffsetPos..]);
        var sysFlag = BinaryPrimitives.ReadInt32BigEndian(r[SysFlagPos..]);
        request.SysFlag = sysFlag;
        if (physicalOffset != expectedOffset)
        {
            return RecordCheckResult.Corrupt;
        }

        var pos = StoreTimestampPos(sysFlag);
        request.StoreTimestamp = BinaryPrimitives.ReadInt64BigEndian(r[pos..]);
        pos += 8 + HostLength(sysFlag, MessageSysFlag.STOREHOSTADDRESS_V6_FLAG) + 4;
        request.PreparedTransactionOffset = BinaryPrimitives.ReadInt64BigEndian(r[pos..]);
        pos += 8;
        var bodyLength = BinaryPrimitives.ReadInt32BigEndian(r[pos..]);
        pos += 4;
        if (bodyLength < 0 || pos + bodyLength + 3 > totalSize)
        {
            return RecordCheckResult.Corrupt;
        }

        var body = r.Slice(pos, bodyLength);
        pos += bodyLength;
        var topicLength = r[pos++];
        if (pos + topicLength + 2 > totalSize)
        {
            return RecordCheckResult.Corrupt;
        }

        request.Topic = r.Slice(pos, topicLength);
        pos += topicLength;
        var propertiesLength = BinaryPrimitives.ReadUInt16BigEndian(r[pos..]);
        pos += 2;
        if (pos + propertiesLength != totalSize)
        {
            return RecordCheckResult.Corrupt;
        }

        if (checkCrc && BodyCrc(body) != bodyCrc)
        {
            return RecordCheckResult.Corrupt;
        }

        var properties = r.Slice(pos, propertiesLength);
        if (MessageProperties.TryFind(properties, MessageProperties.TagsUtf8, out var tags) && !tags.IsEmpty)
        {
            request.TagsCode = JavaHash.HashCodeUtf8(tags);
        }

        if (MessageProperties.TryFind(properties, MessageProperties.KeysUtf8, out var keys))
        {
            request.Keys = keys;
        }

        if (MessageProperties.TryFind(properties, MessageProperties.UniqKeyUtf8, out var uniq))
        {
            request.UniqKey = uniq;
        }

        if (MessageProperties.TryFind(properties, MessageProperties.DelayUtf8, out var delay)
            && System.Buffers.Text.Utf8Parser.TryParse(delay, out int level, out _))
        {
            request.DelayLevel = level;
        }

        return RecordCheckResult.Message;
    }
}
