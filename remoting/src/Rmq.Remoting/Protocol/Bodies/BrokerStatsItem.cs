using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One window of a broker stats item: <c>{"sum":L,"tps":D,"avgpt":D}</c>.</summary>
public sealed record BrokerStatsItem(long Sum, double Tps, double Avgpt) : IJsonBody<BrokerStatsItem>
{
    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("avgpt", Avgpt);
        writer.WriteNumber("sum", Sum);
        writer.WriteNumber("tps", Tps);
        writer.WriteEndObject();
    }

    public static BrokerStatsItem ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(BrokerStatsItem));
        return new BrokerStatsItem(json.GetInt64("sum"), json.GetDouble("tps"), json.GetDouble("avgpt"));
    }
}
