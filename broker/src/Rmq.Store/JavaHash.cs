using System.Text;

namespace Rmq.Store;

/// <summary>Java <c>String.hashCode</c> over UTF-16 code units, without allocating.</summary>
public static class JavaHash
{
    public static int HashCode(ReadOnlySpan<char> text) => Continue(0, text);

    public static int HashCode(string text) => Continue(0, text.AsSpan());

    /// <summary>Continues a hash as if <paramref name="text"/> were appended to the hashed string.</summary>
    public static int Continue(int hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }

    /// <summary>Continues a hash with UTF-8 bytes decoded to UTF-16.</summary>
    public static int ContinueUtf8(int hash, ReadOnlySpan<byte> utf8)
    {
        Span<char> buffer = stackalloc char[256];
        if (utf8.Length <= buffer.Length)
        {
            var n = Encoding.UTF8.GetChars(utf8, buffer);
            return Continue(hash, buffer[..n]);
        }

        return Continue(hash, Encoding.UTF8.GetString(utf8));
    }

    public static int HashCodeUtf8(ReadOnlySpan<byte> utf8) => ContinueUtf8(0, utf8);

    /// <summary>The index file's key hash: <c>abs(hashCode)</c>, and 0 when abs overflows.</summary>
    public static int IndexKeyHash(int hash) => hash == int.MinValue ? 0 : Math.Abs(hash);
}
