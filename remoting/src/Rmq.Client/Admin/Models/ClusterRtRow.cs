namespace Rmq.Client.Admin.Models;

/// <summary>One broker of <c>clusterRT</c>: mean send round-trip over <c>SuccessCount</c> sends to the cluster topic.</summary>
public sealed record ClusterRtRow(string Cluster, string BrokerName, double AverageRtMillis, int SuccessCount, int FailCount);
