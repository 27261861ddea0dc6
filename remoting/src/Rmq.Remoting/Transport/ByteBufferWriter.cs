using System.Buffers;
using DotNetty.Buffers;

namespace Rmq.Remoting.Transport;

/// <summary>An <see cref="IBufferWriter{T}"/> over a heap <see cref="IByteBuffer"/>, so the codec encodes straight into the pooled buffer.</summary>
internal sealed class ByteBufferWriter(IByteBuffer buffer) : IBufferWriter<byte>
{
    public void Advance(int count) => buffer.SetWriterIndex(buffer.WriterIndex + count);

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        // Grows only when the room asked for (any, for sizeHint 0) is not there: a fixed minimum would grow, and copy,
        // a buffer allocated at the frame's exact size.
        var needed = Math.Max(sizeHint, 1);
        if (buffer.WritableBytes < needed)
        {
            buffer.EnsureWritable(Math.Max(needed, 256));
        }

        return new Memory<byte>(buffer.Array, buffer.ArrayOffset + buffer.WriterIndex, buffer.Capacity - buffer.WriterIndex);
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}
