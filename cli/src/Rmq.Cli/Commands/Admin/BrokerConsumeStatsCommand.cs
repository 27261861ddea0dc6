using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>brokerConsumeStats -b ADDR [-l LEVEL] [-o true]</c>: GET_BROKER_CONSUME_STATS, every group's progress on one broker (order topics only with -o true), rows with a diff of at least LEVEL.</summary>
internal sealed class BrokerConsumeStatsCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _level;
    private readonly Option<string?> _order;

    public BrokerConsumeStatsCommand(CliConsole console)
        : base(console, "brokerConsumeStats", "Fetch broker consume stats data")
    {
        _brokerAddr = Value("b", "brokerAddr", "Broker address", required: true);
        Value("t", "timeoutMillis", "request timeout Millis");
        _level = Value("l", "level", "threshold of print diff");
        _order = Value("o", "order", "order topic");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var level = LongValue(parse, _level, 0);
        var rows = await context.Admin.BrokerConsumeStatsAsync(RequiredText(parse, _brokerAddr).Trim(), BoolValue(parse, _order, false), cancellationToken).ConfigureAwait(false);
        var shown = rows.Where(r => r.Diff >= level).ToList();
        var total = rows.Sum(r => r.Diff);
        if (context.Json)
        {
            await WriteJsonAsync(new { rows = shown, diffTotal = total }).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n", "#Topic", "#Group", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff", "#LastTime").ConfigureAwait(false);
        foreach (var row in shown.Where(r => r.LastTimestamp > 0))
        {
            await PrintfAsync("%-64s  %-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n", row.Topic, row.Group, row.BrokerName, row.QueueId, row.BrokerOffset, row.ConsumerOffset, row.Diff, JavaFormat.ShortTime(row.LastTimestamp)).ConfigureAwait(false);
        }

        await PrintfAsync("%nDiff Total: %d%n", total).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
