using System.Buffers.Binary;
using System.Net;
using System.Text;
using Rmq.Client.Messages;

namespace Rmq.Client.Tests;

/// <summary>Builds CommitLog records by hand, field by field as store.md §2 lays them out.</summary>
internal sealed class RecordBuilder
{
    public int QueueId { get; init; } = 3;
    public int Flag { get; init; } = 7;
    public long QueueOffset { get; init; } = 42;
    public long PhysicalOffset { get; init; } = 0x1234;
    public int SysFlag { get; init; }
    public long BornTimestamp { get; init; } = 1_700_000_000_000;
    public IPEndPoint BornHost { get; init; } = new(IPAddress.Parse("10.0.0.9"), 50001);
    public long StoreTimestamp { get; init; } = 1_700_000_000_123;
    public IPEndPoint StoreHost { get; init; } = new(IPAddress.Parse("10.0.0.1"), 10911);
    public int ReconsumeTimes { get; init; } = 2;
    public long PreparedTransactionOffset { get; init; }
    public byte[] Body { get; init; } = "hello"u8.ToArray();
    public string Topic { get; init; } = "TopicTest";
    public string Properties { get; init; } = "TAGS\u0001TagA\u0002KEYS\u0001k1 k2";

    public byte[] Build()
    {
        var topic = Encoding.UTF8.GetBytes(Topic);
        var properties = Encoding.UTF8.GetBytes(Properties);
        using var stream = new MemoryStream();
        void I32(int v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); stream.Write(b); }
        void I64(long v) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteInt64BigEndian(b, v); stream.Write(b); }
        void Host(IPEndPoint h) { stream.Write(h.Address.GetAddressBytes()); I32(h.Port); }

        I32(0); // size, patched below
        I32(MessageDecoder.MessageMagicCodeV1);
        I32(12345);
        I32(QueueId);
        I32(Flag);
        I64(QueueOffset);
        I64(PhysicalOffset);
        I32(SysFlag);
        I64(BornTimestamp);
        Host(BornHost);
        I64(StoreTimestamp);
        Host(StoreHost);
        I32(ReconsumeTimes);
        I64(PreparedTransactionOffset);
        I32(Body.Length);
        stream.Write(Body);
        stream.WriteByte((byte)topic.Length);
        stream.Write(topic);
        Span<byte> shortBytes = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(shortBytes, (short)properties.Length);
        stream.Write(shortBytes);
        stream.Write(properties);
        var record = stream.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(record, record.Length);
        return record;
    }
}
