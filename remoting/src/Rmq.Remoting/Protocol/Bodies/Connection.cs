using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One client connection as admin answers show it.</summary>
public sealed record Connection(string ClientId, string ClientAddr, LanguageCode Language, int Version) : IJsonBody<Connection>
{
    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("clientAddr", ClientAddr);
        writer.WriteString("clientId", ClientId);
        writer.WriteString("language", Language.ToString());
        writer.WriteNumber("version", Version);
        writer.WriteEndObject();
    }

    public static Connection ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(Connection));
        return new Connection(
            json.GetString("clientId") ?? string.Empty,
            json.GetString("clientAddr") ?? string.Empty,
            JsonEnum.Read(json["language"], LanguageCode.OTHER),
            json.GetInt32("version"));
    }
}
