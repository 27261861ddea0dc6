using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>Reads fastjson object keys (a MessageQueue written as a map key, remoting.md Q3).</summary>
internal static class ObjectKeys
{
    public static MessageQueue ReadQueue(FjNode key) => key switch
    {
        FjObject queue => MessageQueue.ReadJson(queue),
        _ when key.GetString() is { } text && text.TrimStart().StartsWith('{') => MessageQueue.ReadJson(FjReader.Parse(text)),
        _ => throw new FjException($"a MessageQueue key was expected, found {key}"),
    };
}
