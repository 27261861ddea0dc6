using System.Text;

namespace Rmq.Remoting.Protocol;

/// <summary>
/// extFields keys as strings, decoding the one-letter keys of the hot headers (SEND_MESSAGE_V2's a..n, PULL_MESSAGE's
/// and the V2 response headers') from a static table instead of a new string per key per request.
/// </summary>
internal static class ExtFieldKeys
{
    private static readonly string[] OneLetter = Enumerable.Range('a', 26).Select(c => ((char)c).ToString()).ToArray();

    /// <summary>The key spelled by <paramref name="utf8"/> (invalid UTF-8 replaced, as <see cref="Encoding.UTF8"/> does).</summary>
    public static string FromUtf8(ReadOnlySpan<byte> utf8) =>
        TryOneLetter(utf8, out var key) ? key : Encoding.UTF8.GetString(utf8);

    /// <summary>The shared string for a one-letter key a..z.</summary>
    public static bool TryOneLetter(ReadOnlySpan<byte> utf8, out string key)
    {
        if (utf8.Length == 1 && utf8[0] is >= (byte)'a' and <= (byte)'z')
        {
            key = OneLetter[utf8[0] - 'a'];
            return true;
        }

        key = string.Empty;
        return false;
    }
}
