using System.Buffers;
using BenchmarkDotNet.Attributes;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Remoting.Benchmarks;

/// <summary>
/// A PULL_MESSAGE response with 32 stored 1 KiB messages: the broker encodes it, the consumer decodes the frame, reads
/// the header and decodes every message (MessageDecoder, bodies copied out as the client API hands them over).
/// </summary>
[MemoryDiagnoser]
public class PullFrameBenchmark
{
    public const int Messages = 32;
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private RemotingCommand _response = null!;
    private byte[] _frame = null!;

    [Params(SerializeType.Json, SerializeType.RocketMQ)]
    public SerializeType Serialization { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _response = CodecFrames.PullResponse(Serialization, Messages, 1024);
        _frame = CodecFrames.FrameWithoutLength(_response);
    }

    [Benchmark]
    public int EncodePullResponse()
    {
        _output.ResetWrittenCount();
        RemotingCommandCodec.Encode(_response, _output);
        return _output.WrittenCount;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int DecodePullResponse()
    {
        var command = RemotingCommandCodec.Decode(_frame);
        var header = command.ReadHeader<PullMessageResponseHeader>();
        var messages = MessageDecoder.DecodeAll(command.Body.Span);
        return messages.Count + (int)header.NextBeginOffset;
    }
}
