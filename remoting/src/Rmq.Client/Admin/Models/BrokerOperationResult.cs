namespace Rmq.Client.Admin.Models;

/// <summary>The outcome of one admin call on one broker (a fleet operation reports one per broker).</summary>
public sealed record BrokerOperationResult(string BrokerName, string Address, bool Succeeded, int? Code = null, string? Error = null);
