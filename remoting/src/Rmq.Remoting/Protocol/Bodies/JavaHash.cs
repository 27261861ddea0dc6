namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>Java's <c>String.hashCode</c>, which RocketMQ uses for tag codes and index slots.</summary>
public static class JavaHash
{
    public static int StringHashCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = 0;
        foreach (var c in value)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }
}
