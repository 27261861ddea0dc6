using System.Buffers.Binary;
using System.Text;
using Rmq.Store;

namespace Rmq.Broker.Transaction;

/// <summary>
/// Encodes a decoded message back into the v1 record layout (RocketMQ MessageDecoder.encode), with a topic and
/// queue of the caller's choosing: CHECK_TRANSACTION_STATE carries the half message under its real topic.
/// </summary>
internal static class MessageRecordEncoder
{
    private const int MagicCode = unchecked((int)0xDAA320A7);

    public static byte[] Encode(StoredMessage message, string topic, int queueId)
    {
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var properties = Encoding.UTF8.GetBytes(message.PropertiesString);
        var length = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + message.BornHost.EncodedLength + 8 + message.StoreHost.EncodedLength
            + 4 + 8 + 4 + message.Body.Length + 1 + topicBytes.Length + 2 + properties.Length;
        var record = new byte[length];
        var d = record.AsSpan();
        var pos = 0;
        void Int(int v)
        {
            BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(pos), v);
            pos += 4;
        }

        void Long(long v)
        {
            BinaryPrimitives.WriteInt64BigEndian(record.AsSpan(pos), v);
            pos += 8;
        }

        Int(length);
        Int(MagicCode);
        Int(message.BodyCrc);
        Int(queueId);
        Int(message.Flag);
        Long(message.QueueOffset);
        Long(message.CommitLogOffset);
        Int(message.SysFlag);
        Long(message.BornTimestamp);
        message.BornHost.WriteTo(d[pos..]);
        pos += message.BornHost.EncodedLength;
        Long(message.StoreTimestamp);
        message.StoreHost.WriteTo(d[pos..]);
        pos += message.StoreHost.EncodedLength;
        Int(message.ReconsumeTimes);
        Long(message.PreparedTransactionOffset);
        Int(message.Body.Length);
        message.Body.CopyTo(d[pos..]);
        pos += message.Body.Length;
        d[pos++] = (byte)topicBytes.Length;
        topicBytes.CopyTo(d[pos..]);
        pos += topicBytes.Length;
        BinaryPrimitives.WriteInt16BigEndian(d[pos..], (short)properties.Length);
        pos += 2;
        properties.CopyTo(d[pos..]);
        return record;
    }
}
