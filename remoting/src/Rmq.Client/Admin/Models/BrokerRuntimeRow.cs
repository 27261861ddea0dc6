using System.Globalization;

namespace Rmq.Client.Admin.Models;

/// <summary>One broker of <c>clusterList</c>: where it is and its GET_BROKER_RUNTIME_INFO table (or why it has none).</summary>
public sealed record BrokerRuntimeRow(string Cluster, string BrokerName, long BrokerId, string Address, IReadOnlyDictionary<string, string>? RuntimeInfo, string? Error)
{
    public string? Version => Get("brokerVersionDesc");

    /// <summary>Messages put per second over the last 10 s (first figure of putTps).</summary>
    public double? InTps => FirstNumber(Get("putTps"));

    /// <summary>Messages transferred to consumers per second over the last 10 s (first figure of getTransferedTps).</summary>
    public double? OutTps => FirstNumber(Get("getTransferedTps"));

    public long? MsgPutTotalTodayNow => long.TryParse(Get("msgPutTotalTodayNow"), CultureInfo.InvariantCulture, out var v) ? v : null;

    public long? MsgGetTotalTodayNow => long.TryParse(Get("msgGetTotalTodayNow"), CultureInfo.InvariantCulture, out var v) ? v : null;

    public double? CommitLogDiskRatio => double.TryParse(Get("commitLogDiskRatio"), CultureInfo.InvariantCulture, out var v) ? v : null;

    private string? Get(string key) => RuntimeInfo?.GetValueOrDefault(key);

    private static double? FirstNumber(string? text) =>
        text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && double.TryParse(first, CultureInfo.InvariantCulture, out var value) ? value : null;
}
