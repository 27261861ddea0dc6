using System.Buffers;
using BenchmarkDotNet.Attributes;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Remoting.Benchmarks;

/// <summary>
/// SEND_MESSAGE_V2 with a 1 KiB body: the producer encodes it (header build included), the broker decodes the frame
/// and reads the typed header. JSON is what Java 4.x clients send by default; ROCKETMQ is the binary option.
/// </summary>
[MemoryDiagnoser]
public class SendFrameBenchmark
{
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private byte[] _body = null!;
    private byte[] _frame = null!;

    [Params(SerializeType.Json, SerializeType.RocketMQ)]
    public SerializeType Serialization { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = new byte[1024];
        Array.Fill(_body, (byte)'a');
        _frame = CodecFrames.FrameWithoutLength(CodecFrames.SendRequest(Serialization, _body));
    }

    [Benchmark]
    public int EncodeSendRequest()
    {
        _output.ResetWrittenCount();
        RemotingCommandCodec.Encode(CodecFrames.SendRequest(Serialization, _body), _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int DecodeSendRequest()
    {
        var command = RemotingCommandCodec.Decode(_frame);
        var header = command.ReadHeader<SendMessageRequestHeaderV2>();
        return header.Header.QueueId + command.Body.Length;
    }
}
