using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Text;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Xunit.Abstractions;

namespace Rmq.Remoting.Tests;

/// <summary>
/// Allocation budgets of the codec's hot paths, in bytes per operation on the calling thread
/// (GC.GetAllocatedBytesForCurrentThread over a bounded loop after a warm-up; not timed). The same operations as
/// remoting/bench/Rmq.Remoting.Benchmarks ([MemoryDiagnoser]); a budget is the figure measured when it was set plus
/// headroom, so a regression shows here before it shows in a benchmark.
/// </summary>
public sealed class CodecAllocationBudgetTests(ITestOutputHelper output)
{
    private const string Topic = "BenchmarkTest";
    private const string Properties = "UNIQ_KEY\u00017F00000100012A9F000000000000001A\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002";

    public static TheoryData<SerializeType, double> EncodeSendBudgets => new()
    {
        // measured 6,088 and 1,552 B when set; 1,264 and 1,240 B since the header is encoded into a per-thread scratch
        // buffer (JSON: with a reused Utf8JsonWriter); what is left is the command, its ExtFields dictionary and values
        { SerializeType.Json, 1.5 * 1024 },
        { SerializeType.RocketMQ, 1.5 * 1024 },
    };

    public static TheoryData<SerializeType, double> DecodeSendBudgets => new()
    {
        // measured 2,408 and 2,080 B when set; 1,800 and 1,768 B since field names are compared as UTF-8 and one-letter
        // extFields keys come from a table; what is left is the command, its dictionary, values and the typed header
        { SerializeType.Json, 2.25 * 1024 },
        { SerializeType.RocketMQ, 2.25 * 1024 },
    };

    [Theory]
    [MemberData(nameof(EncodeSendBudgets))]
    public void Encoding_a_send_request_stays_within_its_budget(SerializeType serializeType, double budget)
    {
        var body = new byte[1024];
        var buffer = new ArrayBufferWriter<byte>(4096);

        var perOp = BytesPerOperation(2_000, () =>
        {
            buffer.ResetWrittenCount();
            RemotingCommandCodec.Encode(SendRequest(serializeType, body), buffer);
        });

        Report("encode SEND_MESSAGE_V2 " + serializeType, perOp, budget);
    }

    [Theory]
    [MemberData(nameof(DecodeSendBudgets))]
    public void Decoding_a_send_request_stays_within_its_budget(SerializeType serializeType, double budget)
    {
        var frame = RemotingCommandCodec.Encode(SendRequest(serializeType, new byte[1024]))[4..];

        var perOp = BytesPerOperation(2_000, () =>
        {
            var command = RemotingCommandCodec.Decode(frame);
            _ = command.ReadHeader<SendMessageRequestHeaderV2>();
        });

        Report("decode SEND_MESSAGE_V2 " + serializeType, perOp, budget);
    }

    [Fact]
    public void Decoding_a_pull_response_stays_within_its_budget_per_message()
    {
        // Given a FOUND pull response with 32 stored 1 KiB messages
        const int messages = 32;
        var frame = RemotingCommandCodec.Encode(PullResponse(messages))[4..];

        // When the consumer decodes the frame, the header and every message
        var perOp = BytesPerOperation(300, () =>
        {
            var command = RemotingCommandCodec.Decode(frame);
            _ = command.ReadHeader<PullMessageResponseHeader>();
            _ = MessageDecoder.DecodeAll(command.Body.Span);
        });

        // Then each message costs at most its body copy (1 KiB, what the client API hands over) plus 2 KiB
        // (MessageExt, topic, properties, ids, hosts: measured 2,634 B in all when set)
        var perMessage = perOp / messages;
        Report("decode PULL_MESSAGE response, per message", perMessage, 1024 + 2048);
    }

    private static RemotingCommand SendRequest(SerializeType serializeType, byte[] body)
    {
        var command = RemotingCommand.CreateRequest(RequestCode.SendMessageV2, new SendMessageRequestHeaderV2
        {
            Header = new SendMessageRequestHeader
            {
                ProducerGroup = "benchmark_producer",
                Topic = Topic,
                QueueId = 3,
                BornTimestamp = 1_700_000_000_000,
                Properties = Properties,
                ReconsumeTimes = 0,
                UnitMode = false,
                Batch = false,
                BrokerName = "broker-a",
            },
        }, body);
        command.Opaque = 42;
        command.SerializeType = serializeType;
        return command;
    }

    private static RemotingCommand PullResponse(int messages)
    {
        var body = new byte[1024];
        using var stream = new MemoryStream();
        for (var i = 0; i < messages; i++)
        {
            stream.Write(StoredRecord(body, i));
        }

        var response = RemotingCommand.CreateResponse(ResponseCode.Success).WithHeader(new PullMessageResponseHeader { NextBeginOffset = messages, MaxOffset = 1_000_000 });
        response.Body = stream.ToArray();
        return response;
    }

    /// <summary>A v1 commit-log record with IPv4 hosts, as a broker serves it in a pull response.</summary>
    private static byte[] StoredRecord(byte[] body, long queueOffset)
    {
        var topic = Encoding.UTF8.GetBytes(Topic);
        var properties = Encoding.UTF8.GetBytes(Properties);
        var record = new byte[4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4 + body.Length + 1 + topic.Length + 2 + properties.Length];
        var at = 0;
        void I32(int v) { BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(at), v); at += 4; }
        void I64(long v) { BinaryPrimitives.WriteInt64BigEndian(record.AsSpan(at), v); at += 8; }
        void Host(string ip, int port) { IPAddress.Parse(ip).GetAddressBytes().CopyTo(record.AsSpan(at)); at += 4; I32(port); }

        I32(record.Length);
        I32(MessageDecoder.MessageMagicCodeV1);
        I32(12345);
        I32(3);
        I32(0);
        I64(queueOffset);
        I64(queueOffset * record.Length);
        I32(0);
        I64(1_700_000_000_000);
        Host("10.0.0.9", 50001);
        I64(1_700_000_000_007);
        Host("10.0.0.1", 10911);
        I32(0);
        I64(0);
        I32(body.Length);
        body.CopyTo(record.AsSpan(at));
        at += body.Length;
        record[at++] = (byte)topic.Length;
        topic.CopyTo(record.AsSpan(at));
        at += topic.Length;
        BinaryPrimitives.WriteInt16BigEndian(record.AsSpan(at), (short)properties.Length);
        at += 2;
        properties.CopyTo(record.AsSpan(at));
        return record;
    }

    private static double BytesPerOperation(int count, Action operation)
    {
        for (var i = 0; i < Math.Min(count, 500); i++)
        {
            operation();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            operation();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
    }

    private void Report(string what, double perOp, double budget)
    {
        output.WriteLine($"{what}: {perOp:F1} B/op (budget {budget})");
        Assert.True(perOp <= budget, $"{what} allocated {perOp:F1} B/op, budget {budget}");
    }
}
