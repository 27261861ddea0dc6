namespace Rmq.Client.Admin.Models;

/// <summary>One group of <c>consumerProgress</c> without -g: its online clients, their version and mode, TPS and total lag.</summary>
public sealed record ConsumerGroupOverview(string Group, int Count, int? Version, string? ConsumeType, string? MessageModel, double ConsumeTps, long DiffTotal);
