using System.Buffers.Binary;

namespace Rmq.Store;

/// <summary>The broker's offset message id: hex of store IP, store port and commit-log offset (store.md §5).</summary>
public static class OffsetMessageId
{
    public static string Create(HostAddress storeHost, long commitLogOffset)
    {
        Span<byte> raw = stackalloc byte[28];
        storeHost.WriteTo(raw);
        var hostLen = storeHost.EncodedLength;
        BinaryPrimitives.WriteInt64BigEndian(raw[hostLen..], commitLogOffset);
        return Convert.ToHexString(raw[..(hostLen + 8)]);
    }

    public static bool TryDecode(string msgId, out HostAddress storeHost, out long commitLogOffset)
    {
        storeHost = default;
        commitLogOffset = 0;
        if (msgId is null || (msgId.Length != 32 && msgId.Length != 56))
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[28];
        if (Convert.FromHexString(msgId, raw, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var ipv6 = written == 28;
        storeHost = HostAddress.Read(raw, ipv6);
        commitLogOffset = BinaryPrimitives.ReadInt64BigEndian(raw[(ipv6 ? 20 : 8)..]);
        return true;
    }
}
