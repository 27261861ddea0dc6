using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>subscriptionGroup.json and the GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) answer.</summary>
public sealed class SubscriptionGroupWrapper : IJsonBody<SubscriptionGroupWrapper>
{
    public SortedDictionary<string, SubscriptionGroupConfig> SubscriptionGroupTable { get; init; } = new(StringComparer.Ordinal);

    public DataVersion DataVersion { get; init; } = DataVersion.Zero;

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("dataVersion");
        DataVersion.WriteJson(writer);
        writer.WritePropertyName("subscriptionGroupTable");
        writer.WriteStartObject();
        foreach (var (name, config) in SubscriptionGroupTable)
        {
            writer.WritePropertyName(name);
            config.WriteJson(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static SubscriptionGroupWrapper ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(SubscriptionGroupWrapper));
        var wrapper = new SubscriptionGroupWrapper
        {
            DataVersion = json["dataVersion"] is { IsNull: false } version ? DataVersion.ReadJson(version) : DataVersion.Zero,
        };
        if (json.GetObject("subscriptionGroupTable") is { } table)
        {
            foreach (var (key, value) in table)
            {
                var config = SubscriptionGroupConfig.ReadJson(value);
                wrapper.SubscriptionGroupTable[key.GetString() ?? config.GroupName] = config;
            }
        }

        return wrapper;
    }
}
