using System.Buffers.Binary;
using System.Text;

namespace Rmq.Client.Messages;

/// <summary>
/// The SEND_BATCH_MESSAGE (320) body (MessageDecoder.encodeMessages, codes.md §4.1): per message
/// <c>[TOTALSIZE i32][MAGICCODE i32 = 0][BODYCRC i32 = 0][FLAG i32][BODYLEN i32][BODY][PROPLEN i16][PROPERTIES]</c>.
/// </summary>
public static class MessageBatch
{
    /// <summary>Checks the batch as DefaultMQProducer.batch does: one topic, no delay, no retry topic, at least one message.</summary>
    /// <exception cref="MQClientException">The batch is empty or mixes topics, delays or WAIT values.</exception>
    public static void Validate(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            throw new MQClientException("a batch needs at least one message");
        }

        var first = messages[0];
        foreach (var message in messages)
        {
            if (message.DelayTimeLevel > 0)
            {
                throw new MQClientException("TimeDelayLevel is not supported for batching");
            }

            if (message.Topic.StartsWith("%RETRY%", StringComparison.Ordinal))
            {
                throw new MQClientException("Retry Group is not supported for batching");
            }

            if (!string.Equals(message.Topic, first.Topic, StringComparison.Ordinal))
            {
                throw new MQClientException("The topic of the messages in one batch should be the same");
            }

            if (message.WaitStoreMsgOk != first.WaitStoreMsgOk)
            {
                throw new MQClientException("The waitStoreMsgOK of the messages in one batch should the same");
            }
        }
    }

    public static byte[] Encode(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var encoded = new List<byte[]>(messages.Count);
        var total = 0;
        foreach (var message in messages)
        {
            var one = EncodeOne(message);
            encoded.Add(one);
            total += one.Length;
        }

        var result = new byte[total];
        var position = 0;
        foreach (var one in encoded)
        {
            one.CopyTo(result, position);
            position += one.Length;
        }

        return result;
    }

    public static byte[] EncodeOne(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = Encoding.UTF8.GetBytes(MessageProperties.Encode(message.Properties));
        if (properties.Length > short.MaxValue)
        {
            throw new MQClientException($"the properties of a message are {properties.Length} bytes, more than {short.MaxValue}");
        }

        var body = message.Body;
        var totalSize = 4 + 4 + 4 + 4 + 4 + body.Length + 2 + properties.Length;
        var buffer = new byte[totalSize];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, totalSize);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], 0);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], 0);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], message.Flag);
        BinaryPrimitives.WriteInt32BigEndian(span[16..], body.Length);
        body.CopyTo(span[20..]);
        BinaryPrimitives.WriteInt16BigEndian(span[(20 + body.Length)..], (short)properties.Length);
        properties.CopyTo(span[(22 + body.Length)..]);
        return buffer;
    }
}
