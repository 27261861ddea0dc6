using System.Buffers.Binary;
using System.Net;

namespace Rmq.Client.Messages;


/// <summary>
/// Offset message ids (MessageDecoder.createMessageId / decodeMessageId, store.md §5): uppercase hex of
/// [store IP 4|16 bytes][port int32][CommitLog offset int64], 32 or 56 characters.
/// </summary>
public static class MessageId
{
    public static string Create(IPEndPoint storeHost, long commitLogOffset)
    {
        ArgumentNullException.ThrowIfNull(storeHost);
        var ip = storeHost.Address.GetAddressBytes();
        Span<byte> buffer = stackalloc byte[ip.Length + 12];
        ip.CopyTo(buffer);
        BinaryPrimitives.WriteInt32BigEndian(buffer[ip.Length..], storeHost.Port);
        BinaryPrimitives.WriteInt64BigEndian(buffer[(ip.Length + 4)..], commitLogOffset);
        return Convert.ToHexString(buffer);
    }

    /// <exception cref="FormatException">Not 32 or 56 hex characters.</exception>
    public static MessageIdParts Decode(string msgId)
    {
        ArgumentNullException.ThrowIfNull(msgId);
        if (msgId.Length != 32 && msgId.Length != 56)
        {
            throw new FormatException($"not an offset message id (32 or 56 hex chars): '{msgId}'");
        }

        var bytes = Convert.FromHexString(msgId);
        var ipLength = bytes.Length - 12;
        var address = new IPAddress(bytes.AsSpan(0, ipLength));
        var port = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(ipLength));
        var offset = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(ipLength + 4));
        return new MessageIdParts(new IPEndPoint(address, port), offset);
    }

    public static bool TryDecode(string? msgId, out MessageIdParts parts)
    {
        parts = default;
        if (msgId is null || (msgId.Length != 32 && msgId.Length != 56) || !msgId.All(Uri.IsHexDigit))
        {
            return false;
        }

        parts = Decode(msgId);
        return true;
    }
}
