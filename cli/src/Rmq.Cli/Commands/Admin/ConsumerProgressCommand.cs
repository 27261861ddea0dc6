using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>consumerProgress [-g GROUP] [-s true]</c>: one group's per-queue lag, or every group's summary.</summary>
internal sealed class ConsumerProgressCommand : AdminLeafCommand
{
    private readonly Option<string?> _group;
    private readonly Option<string?> _showClientIp;

    public ConsumerProgressCommand(CliConsole console)
        : base(console, "consumerProgress", "Query consumers's progress, speed")
    {
        _group = Value("g", "groupName", "consumer group name");
        _showClientIp = Value("s", "showClientIP", "Show Client IP per Queue (rmq admin prints N/A: it does not ask the clients)");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var showClientIp = BoolValue(parse, _showClientIp, false);
        if (parse.GetValue(_group) is not { } group)
        {
            var groups = await context.Admin.ConsumerGroupsOverviewAsync(cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                await WriteJsonAsync(groups.Select(g => new { g.Group, g.Count, g.Version, versionDesc = g.Count > 0 && g.Version is { } v ? MQVersionText.Describe(v) : "OFFLINE", g.ConsumeType, g.MessageModel, g.ConsumeTps, g.DiffTotal })).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await PrintfAsync("%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s%n", "#Group", "#Count", "#Version", "#Type", "#Model", "#TPS", "#Diff Total").ConfigureAwait(false);
            foreach (var g in groups)
            {
                await PrintfAsync(
                    "%-64s  %-6d  %-24s %-5s  %-14s  %-7d  %d%n",
                    g.Group, g.Count, g.Count > 0 && g.Version is { } v ? MQVersionText.Describe(v) : "OFFLINE", g.ConsumeType ?? string.Empty, g.MessageModel ?? string.Empty, (long)g.ConsumeTps, g.DiffTotal).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var progress = await context.Admin.ConsumerProgressAsync(group.Trim(), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(progress).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (showClientIp)
        {
            await PrintfAsync("%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s  %s%n", "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Client IP", "#Diff", "#LastTime").ConfigureAwait(false);
        }
        else
        {
            await PrintfAsync("%-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n", "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff", "#LastTime").ConfigureAwait(false);
        }

        foreach (var row in progress.Rows)
        {
            var lastTime = row.LastTimestamp == 0 ? "N/A" : JavaFormat.ShortTime(row.LastTimestamp);
            await (showClientIp
                ? PrintfAsync("%-64s  %-32s  %-4d  %-20d  %-20d  %-20s %-20d  %s%n", row.Topic, row.BrokerName, row.QueueId, row.BrokerOffset, row.ConsumerOffset, "N/A", row.Diff, lastTime)
                : PrintfAsync("%-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n", row.Topic, row.BrokerName, row.QueueId, row.BrokerOffset, row.ConsumerOffset, row.Diff, lastTime)).ConfigureAwait(false);
        }

        await PrintfAsync("%n").ConfigureAwait(false);
        await PrintfAsync("Consume TPS: %.2f%n", progress.ConsumeTps).ConfigureAwait(false);
        await PrintfAsync("Diff Total: %d%n", progress.TotalDiff).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
