namespace Rmq.Client.NameServer;

/// <summary>What a name server answers a REGISTER_BROKER: the master's addresses for a slave, and the order-topic KV table.</summary>
public sealed record RegisterBrokerResult(string? HaServerAddr, string? MasterAddr, IReadOnlyDictionary<string, string> OrderTopicConfig);
