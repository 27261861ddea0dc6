using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>VIEW_BROKER_STATS_DATA (315) answer: the item's last minute, hour and day.</summary>
public sealed record BrokerStatsData(BrokerStatsItem StatsMinute, BrokerStatsItem StatsHour, BrokerStatsItem StatsDay) : IJsonBody<BrokerStatsData>
{
    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("statsDay");
        StatsDay.WriteJson(writer);
        writer.WritePropertyName("statsHour");
        StatsHour.WriteJson(writer);
        writer.WritePropertyName("statsMinute");
        StatsMinute.WriteJson(writer);
        writer.WriteEndObject();
    }

    public static BrokerStatsData ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(BrokerStatsData));
        BrokerStatsItem Item(string name) => json[name] is { } item ? BrokerStatsItem.ReadJson(item) : new BrokerStatsItem(0, 0, 0);
        return new BrokerStatsData(Item("statsMinute"), Item("statsHour"), Item("statsDay"));
    }
}
