using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One topic subscription of a consumer group: the expression and, for TAG, its tags and their hash codes.</summary>
public sealed class SubscriptionData : IJsonBody<SubscriptionData>
{
    public const string SubAll = "*";
    public const string ExpressionTypeTag = "TAG";
    public const string ExpressionTypeSql92 = "SQL92";

    public required string Topic { get; init; }

    public string SubString { get; init; } = SubAll;

    public List<string> TagsSet { get; init; } = [];

    public List<int> CodeSet { get; init; } = [];

    public long SubVersion { get; init; }

    /// <summary>TAG (also when absent, as ali-ons sends it) or SQL92.</summary>
    public string ExpressionType { get; init; } = ExpressionTypeTag;

    public bool ClassFilterMode { get; init; }

    public string? FilterClassSource { get; init; }

    public bool IsSubscribeAll => TagsSet.Count == 0 || TagsSet.Contains(SubAll);

    /// <summary>Builds a TAG subscription from "*" or "TagA || TagB", with Java's String.hashCode codes.</summary>
    public static SubscriptionData ForTags(string topic, string? subString, long subVersion)
    {
        var expression = string.IsNullOrWhiteSpace(subString) ? SubAll : subString.Trim();
        var tags = new List<string>();
        var codes = new List<int>();
        if (expression == SubAll)
        {
            tags.Add(SubAll);
        }
        else
        {
            foreach (var tag in expression.Split("||", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                tags.Add(tag);
                codes.Add(JavaHash.StringHashCode(tag));
            }

            if (tags.Count == 0)
            {
                throw new FormatException($"subscription '{subString}' names no tag");
            }
        }

        return new SubscriptionData { Topic = topic, SubString = expression, TagsSet = tags, CodeSet = codes, SubVersion = subVersion };
    }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteBoolean("classFilterMode", ClassFilterMode);
        writer.WritePropertyName("codeSet");
        writer.WriteStartArray();
        foreach (var code in CodeSet)
        {
            writer.WriteNumber(code);
        }

        writer.WriteEndArray();
        writer.WriteString("expressionType", ExpressionType);
        writer.WriteString("filterClassSource", FilterClassSource);
        writer.WriteString("subString", SubString);
        writer.WriteNumber("subVersion", SubVersion);
        writer.WriteStringArray("tagsSet", TagsSet);
        writer.WriteString("topic", Topic);
        writer.WriteEndObject();
    }

    public static SubscriptionData ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(SubscriptionData));
        return new SubscriptionData
        {
            Topic = json.GetString("topic") ?? string.Empty,
            SubString = json.GetString("subString") ?? SubAll,
            TagsSet = json.GetArray("tagsSet")?.ToStringList() ?? [],
            CodeSet = json.GetArray("codeSet")?.Select(code => code.GetInt32()).ToList() ?? [],
            SubVersion = json.GetInt64("subVersion"),
            ExpressionType = json.GetString("expressionType") ?? ExpressionTypeTag,
            ClassFilterMode = json.GetBoolean("classFilterMode"),
            FilterClassSource = json.GetString("filterClassSource"),
        };
    }
}
