using System.Buffers.Binary;
using System.Net;
using System.Text;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Remoting.Benchmarks;

/// <summary>The frames the codec benchmarks encode and decode: what a Java producer sends and a broker answers a pull with.</summary>
public static class CodecFrames
{
    public const string Topic = "BenchmarkTest";

    /// <summary>SEND_MESSAGE_V2 with a 1 KiB body and the properties a Java 4.x producer sets.</summary>
    public static RemotingCommand SendRequest(SerializeType serializeType, byte[] body)
    {
        var command = RemotingCommand.CreateRequest(RequestCode.SendMessageV2, SendHeader(), body);
        command.Opaque = 42;
        command.SerializeType = serializeType;
        return command;
    }

    public static SendMessageRequestHeaderV2 SendHeader() => new()
    {
        Header = new SendMessageRequestHeader
        {
            ProducerGroup = "benchmark_producer",
            Topic = Topic,
            QueueId = 3,
            SysFlag = 0,
            BornTimestamp = 1_700_000_000_000,
            Flag = 0,
            Properties = "UNIQ_KEY\u00017F00000100012A9F000000000000001A\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002",
            ReconsumeTimes = 0,
            UnitMode = false,
            Batch = false,
            BrokerName = "broker-a",
        },
    };

    /// <summary>A PULL_MESSAGE response (FOUND) carrying <paramref name="messages"/> stored records of <paramref name="bodySize"/> bytes.</summary>
    public static RemotingCommand PullResponse(SerializeType serializeType, int messages, int bodySize)
    {
        var body = new byte[bodySize];
        Array.Fill(body, (byte)'x');
        using var stream = new MemoryStream();
        for (var i = 0; i < messages; i++)
        {
            stream.Write(StoredRecord(body, queueOffset: i, commitLogOffset: (long)i * 1200));
        }

        var response = RemotingCommand.CreateResponse(ResponseCode.Success).WithHeader(new PullMessageResponseHeader
        {
            SuggestWhichBrokerId = 0,
            NextBeginOffset = messages,
            MinOffset = 0,
            MaxOffset = 1_000_000,
        });
        response.Opaque = 42;
        response.Body = stream.ToArray();
        response.SerializeType = serializeType;
        return response;
    }

    /// <summary>The frame after the framer removed the length prefix (what <see cref="RemotingCommandCodec.Decode"/> takes).</summary>
    public static byte[] FrameWithoutLength(RemotingCommand command) => RemotingCommandCodec.Encode(command)[4..];

    /// <summary>One commit-log record (v1, IPv4 hosts) as the broker stores and serves it.</summary>
    public static byte[] StoredRecord(byte[] body, long queueOffset, long commitLogOffset)
    {
        var topic = Encoding.UTF8.GetBytes(Topic);
        var properties = Encoding.UTF8.GetBytes("UNIQ_KEY\u00017F00000100012A9F000000000000001A\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002");
        var record = new byte[4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4 + body.Length + 1 + topic.Length + 2 + properties.Length];
        var at = 0;
        void I32(int v) { BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(at), v); at += 4; }
        void I64(long v) { BinaryPrimitives.WriteInt64BigEndian(record.AsSpan(at), v); at += 8; }
        void Host(IPAddress address, int port) { address.GetAddressBytes().CopyTo(record.AsSpan(at)); at += 4; I32(port); }

        I32(record.Length);
        I32(MessageDecoder.MessageMagicCodeV1);
        I32(12345);
        I32(3);
        I32(0);
        I64(queueOffset);
        I64(commitLogOffset);
        I32(0);
        I64(1_700_000_000_000);
        Host(IPAddress.Parse("10.0.0.9"), 50001);
        I64(1_700_000_000_007);
        Host(IPAddress.Parse("10.0.0.1"), 10911);
        I32(0);
        I64(0);
        I32(body.Length);
        var span = record.AsSpan();
        body.CopyTo(span[at..]);
        at += body.Length;
        span[at++] = (byte)topic.Length;
        topic.CopyTo(span[at..]);
        at += topic.Length;
        BinaryPrimitives.WriteInt16BigEndian(span[at..], (short)properties.Length);
        at += 2;
        properties.CopyTo(span[at..]);
        return record;
    }
}
