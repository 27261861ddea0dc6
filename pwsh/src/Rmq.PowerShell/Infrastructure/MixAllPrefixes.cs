namespace Rmq.PowerShell.Infrastructure;

/// <summary>Topic name prefixes of RocketMQ's MixAll.</summary>
internal static class MixAllPrefixes
{
    public const string Retry = "%RETRY%";
    public const string Dlq = "%DLQ%";
}
