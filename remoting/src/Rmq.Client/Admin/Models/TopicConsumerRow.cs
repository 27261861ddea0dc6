namespace Rmq.Client.Admin.Models;

/// <summary>One row of <c>topicList -c</c>: a topic, the cluster that serves it and one group that consumes it (empty if none).</summary>
public sealed record TopicConsumerRow(string Cluster, string Topic, string ConsumerGroup);
