namespace Rmq.Client.Admin.Models;

/// <summary><c>consumerProgress</c> of one group: per-queue rows, consume TPS and total lag.</summary>
public sealed record ConsumerProgress(string ConsumerGroup, double ConsumeTps, long TotalDiff, IReadOnlyList<ConsumerProgressRow> Rows);
