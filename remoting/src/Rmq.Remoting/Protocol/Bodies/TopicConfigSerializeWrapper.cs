using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>A broker's topic table with its version (topics.json, GET_ALL_TOPIC_CONFIG, registration).</summary>
public sealed class TopicConfigSerializeWrapper : IJsonBody<TopicConfigSerializeWrapper>
{
    public DataVersion DataVersion { get; set; } = DataVersion.Zero;

    public Dictionary<string, TopicConfig> TopicConfigTable { get; init; } = new(StringComparer.Ordinal);

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("dataVersion");
        DataVersion.WriteJson(writer);
        writer.WritePropertyName("topicConfigTable");
        writer.WriteStartObject();
        foreach (var (name, config) in TopicConfigTable.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            config.WriteJson(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static TopicConfigSerializeWrapper ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(TopicConfigSerializeWrapper));
        var wrapper = new TopicConfigSerializeWrapper
        {
            DataVersion = json.GetObject("dataVersion") is { } version ? DataVersion.ReadJson(version) : DataVersion.Zero,
        };
        if (json.GetObject("topicConfigTable") is { } table)
        {
            foreach (var (key, value) in table)
            {
                if (value.IsNull)
                {
                    continue;
                }

                var config = TopicConfig.ReadJson(value);
                var name = key.GetString() ?? config.TopicName ?? string.Empty;
                wrapper.TopicConfigTable[name] = config.TopicName is null ? config with { TopicName = name } : config;
            }
        }

        return wrapper;
    }
}
