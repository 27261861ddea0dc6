using System.Globalization;
using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One topic as a broker configures it (TopicConfig.java), with Java's defaults.</summary>
public sealed record TopicConfig : IJsonBody<TopicConfig>
{
    public const int DefaultQueueNums = 16;

    public string? TopicName { get; init; }

    public int ReadQueueNums { get; init; } = DefaultQueueNums;

    public int WriteQueueNums { get; init; } = DefaultQueueNums;

    public int Perm { get; init; } = PermName.ReadWrite;

    public TopicFilterType TopicFilterType { get; init; } = TopicFilterType.SINGLE_TAG;

    public int TopicSysFlag { get; init; }

    public bool Order { get; init; }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteBoolean("order", Order);
        writer.WriteNumber("perm", Perm);
        writer.WriteNumber("readQueueNums", ReadQueueNums);
        writer.WriteString("topicFilterType", TopicFilterType.ToString());
        writer.WriteString("topicName", TopicName);
        writer.WriteNumber("topicSysFlag", TopicSysFlag);
        writer.WriteNumber("writeQueueNums", WriteQueueNums);
        writer.WriteEndObject();
    }

    public static TopicConfig ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(TopicConfig));
        return new TopicConfig
        {
            TopicName = json.GetString("topicName"),
            ReadQueueNums = json.GetInt32("readQueueNums", DefaultQueueNums),
            WriteQueueNums = json.GetInt32("writeQueueNums", DefaultQueueNums),
            Perm = json.GetInt32("perm", PermName.ReadWrite),
            TopicFilterType = ParseFilterType(json["topicFilterType"]),
            // 4.8.x and older wrote the misspelt "topicSynFlag"
            TopicSysFlag = json.ContainsKey("topicSysFlag") ? json.GetInt32("topicSysFlag") : json.GetInt32("topicSynFlag"),
            Order = json.GetBoolean("order"),
        };
    }

    /// <summary>The space-separated form of the compressed registration body: <c>name read write perm filterType</c>.</summary>
    public string EncodeCompact() => string.Join(' ',
        TopicName,
        ReadQueueNums.ToString(CultureInfo.InvariantCulture),
        WriteQueueNums.ToString(CultureInfo.InvariantCulture),
        Perm.ToString(CultureInfo.InvariantCulture),
        TopicFilterType.ToString());

    /// <summary>Parses <see cref="EncodeCompact"/> output; topicSysFlag and order take their defaults, as in Java.</summary>
    public static TopicConfig DecodeCompact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ');
        if (parts.Length != 5)
        {
            throw new FormatException($"a compact topic config has 5 space-separated parts: '{text}'");
        }

        return new TopicConfig
        {
            TopicName = parts[0],
            ReadQueueNums = int.Parse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            WriteQueueNums = int.Parse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            Perm = int.Parse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            TopicFilterType = Enum.Parse<TopicFilterType>(parts[4], ignoreCase: false),
        };
    }

    private static TopicFilterType ParseFilterType(FjNode? node)
    {
        if (node is not FjValue value || value.IsNull)
        {
            return TopicFilterType.SINGLE_TAG;
        }

        if (value.Kind == FjValueKind.Number)
        {
            return (TopicFilterType)value.GetInt32();
        }

        return Enum.TryParse<TopicFilterType>(value.Text, ignoreCase: false, out var type) && Enum.IsDefined(type)
            ? type
            : throw new FjException($"unknown topicFilterType '{value.Text}'");
    }
}
