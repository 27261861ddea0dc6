using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>statsAll [-a] [-t T]</c>: per topic and group, lag and rates.</summary>
internal sealed class StatsAllCommand : AdminLeafCommand
{
    private readonly Option<bool> _active;
    private readonly Option<string?> _topic;

    public StatsAllCommand(CliConsole console)
        : base(console, "statsAll", "Topic and Consumer tps stats")
    {
        _active = Flag("a", "activeTopic", "print active topic only");
        _topic = Value("t", "topic", "print select topic only");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var rows = await context.Admin.StatsAllAsync(parse.GetValue(_topic)?.Trim(), parse.GetValue(_active), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(rows).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("%-64s  %-64s %12s %11s %11s %14s %14s%n", "#Topic", "#Consumer Group", "#Accumulation", "#InTPS", "#OutTPS", "#InMsg24Hour", "#OutMsg24Hour").ConfigureAwait(false);
        foreach (var row in rows)
        {
            await (row.ConsumerGroup is null
                ? PrintfAsync("%-64s  %-64s %12d %11.2f %11s %14d %14s%n", Front(row.Topic), string.Empty, 0, row.InTps, string.Empty, row.InMsg24Hour, "NO_CONSUMER")
                : PrintfAsync("%-64s  %-64s %12d %11.2f %11.2f %14d %14d%n", Front(row.Topic), Front(row.ConsumerGroup), row.Accumulation, row.InTps, row.OutTps, row.InMsg24Hour, row.OutMsg24Hour)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>UtilAll.frontStringAtLeast(s, 64).</summary>
    private static string Front(string text) => text.Length > 64 ? text[..64] : text;
}
