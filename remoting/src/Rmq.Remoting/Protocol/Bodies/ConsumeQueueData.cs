using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One consume-queue unit in QUERY_CONSUME_QUEUE (321): where the message is, its size and tag hash.</summary>
public sealed record ConsumeQueueData : IJsonBody<ConsumeQueueData>
{
    public long PhysicOffset { get; init; }

    public int PhysicSize { get; init; }

    public long TagsCode { get; init; }

    public string? ExtendDataJson { get; init; }

    public string? BitMap { get; init; }

    public bool Eval { get; init; }

    public string? Msg { get; init; }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (BitMap is not null)
        {
            writer.WriteString("bitMap", BitMap);
        }

        writer.WriteBoolean("eval", Eval);
        if (ExtendDataJson is not null)
        {
            writer.WriteString("extendDataJson", ExtendDataJson);
        }

        if (Msg is not null)
        {
            writer.WriteString("msg", Msg);
        }

        writer.WriteNumber("physicOffset", PhysicOffset);
        writer.WriteNumber("physicSize", PhysicSize);
        writer.WriteNumber("tagsCode", TagsCode);
        writer.WriteEndObject();
    }

    public static ConsumeQueueData ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(ConsumeQueueData));
        return new ConsumeQueueData
        {
            PhysicOffset = json.GetInt64("physicOffset"),
            PhysicSize = json.GetInt32("physicSize"),
            TagsCode = json.GetInt64("tagsCode"),
            ExtendDataJson = json.GetString("extendDataJson"),
            BitMap = json.GetString("bitMap"),
            Eval = json.GetBoolean("eval"),
            Msg = json.GetString("msg"),
        };
    }
}
