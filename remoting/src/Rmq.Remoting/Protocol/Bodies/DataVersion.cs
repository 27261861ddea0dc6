using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>
/// The version of a broker's topic table: <c>{"counter":12,"timestamp":1700000000000}</c>. Two
/// versions are equal when both fields are.
/// </summary>
public sealed record DataVersion(long Timestamp, long Counter) : IJsonBody<DataVersion>
{
    /// <summary>What Java's name server assumes for a registration without a body.</summary>
    public static readonly DataVersion Zero = new(0, 0);

    /// <summary>A new version at the current time with counter 0 (Java's <c>new DataVersion()</c>).</summary>
    public static DataVersion Create(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new DataVersion(timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), 0);
    }

    /// <summary>The next version: timestamp = now, counter + 1 (Java's <c>nextVersion()</c>).</summary>
    public DataVersion Next(long nowMillis) => new(nowMillis, Counter + 1);

    public DataVersion Next(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Next(timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    public void WriteJson(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("counter", Counter);
        writer.WriteNumber("timestamp", Timestamp);
        writer.WriteEndObject();
    }

    public static DataVersion ReadJson(FjNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsNull)
        {
            return Zero;
        }

        var json = JsonBody.RequireObject(node, nameof(DataVersion));
        return new DataVersion(json.GetInt64("timestamp"), json.GetInt64("counter"));
    }
}
