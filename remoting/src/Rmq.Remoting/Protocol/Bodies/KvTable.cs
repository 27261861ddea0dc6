using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>A string map body: <c>{"table":{"k":"v"}}</c> (KVTable.java).</summary>
public sealed class KvTable : IJsonBody<KvTable>
{
    public Dictionary<string, string> Table { get; init; } = new(StringComparer.Ordinal);

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStringMap("table", Table);
        writer.WriteEndObject();
    }

    public static KvTable ReadJson(FjNode node)
    {
        var json = JsonBody.RequireObject(node, nameof(KvTable));
        var result = new KvTable();
        if (json.GetObject("table") is { } table)
        {
            foreach (var (key, value) in table)
            {
                if (key.GetString() is { } name && value.GetString() is { } text)
                {
                    result.Table[name] = text;
                }
            }
        }

        return result;
    }
}
