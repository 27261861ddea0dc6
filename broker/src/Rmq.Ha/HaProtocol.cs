using System.Buffers.Binary;

namespace Rmq.Ha;

/// <summary>The HA wire format: plain TCP, big-endian, no remoting framing (ha-and-flush.md §3).</summary>
internal static class HaProtocol
{
    /// <summary>Slave → master: <c>[maxPhyOffset int64]</c>.</summary>
    public const int ReportSize = 8;

    /// <summary>Master → slave: <c>[phyOffset int64][bodySize int32]</c>, then the body.</summary>
    public const int HeaderSize = 12;

    public static void WriteReport(Span<byte> destination, long maxPhyOffset)
        => BinaryPrimitives.WriteInt64BigEndian(destination, maxPhyOffset);

    public static long ReadReport(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadInt64BigEndian(source);

    public static void WriteHeader(Span<byte> destination, long phyOffset, int bodySize)
    {
        BinaryPrimitives.WriteInt64BigEndian(destination, phyOffset);
        BinaryPrimitives.WriteInt32BigEndian(destination[8..], bodySize);
    }

    public static (long PhyOffset, int BodySize) ReadHeader(ReadOnlySpan<byte> source)
        => (BinaryPrimitives.ReadInt64BigEndian(source), BinaryPrimitives.ReadInt32BigEndian(source[8..]));
}
