namespace Rmq.PowerShell.Infrastructure;

/// <summary>One broker address as the name servers list it.</summary>
internal sealed record BrokerEntry(string Cluster, string BrokerName, long BrokerId, string Address);
