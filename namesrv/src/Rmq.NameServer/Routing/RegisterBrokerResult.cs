namespace Rmq.NameServer.Routing;

/// <summary>What a slave learns from registering: its master's address and HA address (both null for a master, or when the master is not registered).</summary>
public sealed record RegisterBrokerResult(string? MasterAddr, string? HaServerAddr)
{
    public static readonly RegisterBrokerResult Empty = new(null, null);
}
