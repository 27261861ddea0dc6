using System.CommandLine;
using System.Globalization;
using Rmq.Client.Admin.Models;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>clusterList [-m] [-i SECONDS]</c>: every broker with its runtime figures (GET_BROKER_RUNTIME_INFO).</summary>
internal sealed class ClusterListCommand : AdminLeafCommand
{
    private readonly Option<bool> _moreStats;
    private readonly Option<string?> _interval;

    public ClusterListCommand(CliConsole console)
        : base(console, "clusterList", "List all of clusters")
    {
        _moreStats = Flag("m", "moreStats", "Print more stats");
        _interval = Value("i", "interval", "specify intervals numbers, it is in seconds");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var interval = parse.GetValue(_interval) is null ? (int?)null : IntValue(parse, _interval, 0);
        while (true)
        {
            var rows = await context.Admin.ClusterListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                await WriteJsonAsync(rows).ConfigureAwait(false);
            }
            else
            {
                await Out.WriteAsync(parse.GetValue(_moreStats) ? RenderMoreStats(rows) : Render(rows, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            }

            if (interval is not > 0)
            {
                return ExitCodes.Success;
            }

            await Task.Delay(TimeSpan.FromSeconds(interval.Value), cancellationToken).ConfigureAwait(false);
        }
    }

    public static string Render(IReadOnlyList<BrokerRuntimeRow> rows, long nowMillis)
    {
        const string format = "%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s%n";
        var text = new System.Text.StringBuilder();
        text.Append(JavaFormat.Format(format, "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)", "#OutTPS(LOAD)", "#PCWait(ms)", "#Hour", "#SPACE"));
        foreach (var row in rows)
        {
            string Get(string key) => row.RuntimeInfo?.GetValueOrDefault(key) ?? string.Empty;
            var earliest = long.TryParse(Get("earliestMessageTimeStamp"), CultureInfo.InvariantCulture, out var e) ? e : 0;
            var hours = row.RuntimeInfo is null ? 0 : (nowMillis - earliest) / 3600.0 / 1000.0;
            text.Append(JavaFormat.Format(
                format,
                row.Cluster,
                row.BrokerName,
                row.BrokerId,
                row.Address,
                Get("brokerVersionDesc"),
                JavaFormat.Format("%9.2f(%s,%sms)", row.InTps ?? 0, Or0(Get("sendThreadPoolQueueSize")), Or0(Get("sendThreadPoolQueueHeadWaitTimeMills"))),
                JavaFormat.Format("%9.2f(%s,%sms)", row.OutTps ?? 0, Or0(Get("pullThreadPoolQueueSize")), Or0(Get("pullThreadPoolQueueHeadWaitTimeMills"))),
                Or0(Get("pageCacheLockTimeMills")),
                JavaFormat.Format("%2.2f", hours),
                JavaFormat.Format("%.4f", row.CommitLogDiskRatio ?? 0)));
        }

        return text.ToString();
    }

    private static string RenderMoreStats(IReadOnlyList<BrokerRuntimeRow> rows)
    {
        const string format = "%-16s  %-32s %14s %14s %14s %14s%n";
        var text = new System.Text.StringBuilder();
        text.Append(JavaFormat.Format(format, "#Cluster Name", "#Broker Name", "#InTotalYest", "#OutTotalYest", "#InTotalToday", "#OutTotalToday"));
        foreach (var row in rows)
        {
            long Get(string key) => long.TryParse(row.RuntimeInfo?.GetValueOrDefault(key), CultureInfo.InvariantCulture, out var v) ? v : 0;
            text.Append(JavaFormat.Format(
                format,
                row.Cluster,
                row.BrokerName,
                Get("msgPutTotalTodayMorning") - Get("msgPutTotalYesterdayMorning"),
                Get("msgGetTotalTodayMorning") - Get("msgGetTotalYesterdayMorning"),
                Get("msgPutTotalTodayNow") - Get("msgPutTotalTodayMorning"),
                Get("msgGetTotalTodayNow") - Get("msgGetTotalTodayMorning")));
        }

        return text.ToString();
    }

    private static string Or0(string text) => text.Length == 0 ? "0" : text;
}
