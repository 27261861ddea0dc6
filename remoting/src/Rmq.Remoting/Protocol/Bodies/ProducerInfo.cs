using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One online producer in GET_ALL_PRODUCER_INFO (328).</summary>
public sealed record ProducerInfo(string ClientId, string RemoteIP, LanguageCode Language, int Version, long LastUpdateTimestamp) : IJsonBody<ProducerInfo>
{
    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("clientId", ClientId);
        writer.WriteString("language", Language.ToString());
        writer.WriteNumber("lastUpdateTimestamp", LastUpdateTimestamp);
        writer.WriteString("remoteIP", RemoteIP);
        writer.WriteNumber("version", Version);
        writer.WriteEndObject();
    }

    public static ProducerInfo ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(ProducerInfo));
        return new ProducerInfo(json.GetString("clientId") ?? string.Empty, json.GetString("remoteIP") ?? string.Empty,
            JsonEnum.Read(json["language"], LanguageCode.OTHER), json.GetInt32("version"), json.GetInt64("lastUpdateTimestamp"));
    }
}
