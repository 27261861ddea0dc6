using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>Encode and decode helpers for <see cref="IJsonBody"/> types (UTF-8 bytes or text).</summary>
public static class JsonBody
{
    /// <summary>The body as JSON text.</summary>
    public static string ToJson(this IJsonBody body, FjFormat format = FjFormat.Legacy)
    {
        ArgumentNullException.ThrowIfNull(body);
        var writer = new FjWriter(format);
        body.WriteJson(writer);
        return writer.ToString();
    }

    /// <summary>The body as UTF-8 bytes, ready for <see cref="RemotingCommand.Body"/>.</summary>
    public static byte[] Encode(this IJsonBody body, FjFormat format = FjFormat.Legacy)
    {
        ArgumentNullException.ThrowIfNull(body);
        var writer = new FjWriter(format);
        body.WriteJson(writer);
        return writer.ToUtf8Bytes();
    }

    /// <summary>Decodes a UTF-8 JSON body.</summary>
    /// <exception cref="FjException">The bytes are not JSON or a field has the wrong type.</exception>
    public static T Decode<T>(ReadOnlySpan<byte> utf8)
        where T : IJsonBody<T> =>
        T.ReadJson(FjReader.Parse(utf8));

    public static T FromJson<T>(string json)
        where T : IJsonBody<T> =>
        T.ReadJson(FjReader.Parse(json));

    /// <summary>The node as an object, or a clear error naming the expected body.</summary>
    internal static FjObject RequireObject(FjNode node, string bodyName) =>
        node as FjObject ?? throw new FjException($"{bodyName} must be a JSON object, found {node}");
}
