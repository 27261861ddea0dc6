using System.Buffers.Binary;
using System.Text;

namespace Rmq.Broker.Tests.Support;

/// <summary>
/// Decodes a pull body the way ali-ons does (fields read in sequence, IPv4 hosts), independent of the
/// store's own decoder, so the tests check the wire layout itself.
/// </summary>
public static class RecordDecoder
{
    public sealed record Record(int QueueId, long QueueOffset, long CommitLogOffset, string StoreHost, int ReconsumeTimes, byte[] Body, string Topic, Dictionary<string, string> Properties)
    {
        public string BodyText => Encoding.UTF8.GetString(Body);

        public string? Tags => Properties.GetValueOrDefault("TAGS");

        public string? Keys => Properties.GetValueOrDefault("KEYS");
    }

    public static List<Record> DecodeAll(ReadOnlySpan<byte> body)
    {
        var list = new List<Record>();
        while (body.Length > 0)
        {
            var size = BinaryPrimitives.ReadInt32BigEndian(body);
            list.Add(Decode(body[..size]));
            body = body[size..];
        }

        return list;
    }

    private static Record Decode(ReadOnlySpan<byte> r)
    {
        var p = 4 + 4 + 4;
        var queueId = ReadInt(r, ref p);
        _ = ReadInt(r, ref p); // flag
        var queueOffset = ReadLong(r, ref p);
        var commitLogOffset = ReadLong(r, ref p);
        _ = ReadInt(r, ref p); // sysFlag
        _ = ReadLong(r, ref p); // born timestamp
        p += 8; // born host
        _ = ReadLong(r, ref p); // store timestamp
        var storeHost = $"{r[p]}.{r[p + 1]}.{r[p + 2]}.{r[p + 3]}:{BinaryPrimitives.ReadInt32BigEndian(r[(p + 4)..])}";
        p += 8;
        var reconsumeTimes = ReadInt(r, ref p);
        _ = ReadLong(r, ref p); // prepared transaction offset
        var bodyLength = ReadInt(r, ref p);
        var body = r.Slice(p, bodyLength).ToArray();
        p += bodyLength;
        int topicLength = r[p++];
        var topic = Encoding.UTF8.GetString(r.Slice(p, topicLength));
        p += topicLength;
        var propertiesLength = BinaryPrimitives.ReadInt16BigEndian(r[p..]);
        p += 2;
        var properties = new Dictionary<string, string>();
        foreach (var pair in Encoding.UTF8.GetString(r.Slice(p, propertiesLength)).Split('\u0002', StringSplitOptions.RemoveEmptyEntries))
        {
            var sep = pair.IndexOf('\u0001', StringComparison.Ordinal);
            properties[pair[..sep]] = pair[(sep + 1)..];
        }

        return new Record(queueId, queueOffset, commitLogOffset, storeHost, reconsumeTimes, body, topic, properties);
    }

    private static int ReadInt(ReadOnlySpan<byte> r, ref int p)
    {
        var v = BinaryPrimitives.ReadInt32BigEndian(r[p..]);
        p += 4;
        return v;
    }

    private static long ReadLong(ReadOnlySpan<byte> r, ref int p)
    {
        var v = BinaryPrimitives.ReadInt64BigEndian(r[p..]);
        p += 8;
        return v;
    }
}
