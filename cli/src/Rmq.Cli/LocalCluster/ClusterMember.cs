namespace Rmq.Cli.LocalCluster;

/// <summary>One row of the cluster table: a broker as the name server lists it.</summary>
public sealed record ClusterMember(string Cluster, string BrokerName, long BrokerId, string Role, string Address, string HaAddress);
