using System.IO.Compression;

namespace Rmq.Client.Messages;

/// <summary>zlib (RFC 1950) bodies, as Java's Deflater/Inflater write and read them (sysflag bit 0).</summary>
public static class BodyCompression
{
    /// <summary>Java's <c>compressMsgBodyOverHowmuch</c>: bodies larger than this are compressed.</summary>
    public const int DefaultCompressOverBytes = 4 * 1024;

    public static byte[] Compress(ReadOnlySpan<byte> body, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream(body.Length / 2 + 16);
        using (var zlib = new ZLibStream(output, level, leaveOpen: true))
        {
            zlib.Write(body);
        }

        return output.ToArray();
    }

    /// <exception cref="InvalidDataException">Not a zlib stream.</exception>
    public static byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        zlib.CopyTo(output);
        return output.ToArray();
    }
}
