using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// <c>clusterRT [-a 100] [-s 128] [-c CLUSTER] [-i SECONDS]</c>: send round-trip per broker. mqadmin repeats forever every
/// -i (10) seconds; rmq admin measures once unless -i is given, then repeats until interrupted.
/// </summary>
internal sealed class ClusterRTCommand : AdminLeafCommand
{
    private readonly Option<string?> _amount;
    private readonly Option<string?> _size;
    private readonly Option<string?> _cluster;
    private readonly Option<string?> _interval;

    public ClusterRTCommand(CliConsole console)
        : base(console, "clusterRT", "List All clusters Message Send RT")
    {
        _amount = Value("a", "amount", "message amount | default 100");
        _size = Value("s", "size", "message size | default 128 Byte");
        _cluster = Value("c", "cluster", "cluster name | default display all cluster");
        Value("p", "printLog", "print as tlog | default false (ignored by rmq admin)");
        Value("m", "machineRoom", "machine room name | default noname (ignored by rmq admin)");
        _interval = Value("i", "interval", "print interval | default: measure once");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var amount = IntValue(parse, _amount, 100);
        var size = IntValue(parse, _size, 128);
        if (amount <= 0 || size <= 0)
        {
            throw new AdminArgumentException("-a and -s must be positive");
        }

        var interval = parse.GetValue(_interval) is null ? 0 : IntValue(parse, _interval, 10);
        if (!context.Json)
        {
            await PrintfAsync("%-24s  %-24s  %-4s  %-8s  %-8s%n", "#Cluster Name", "#Broker Name", "#RT", "#successCount", "#failCount").ConfigureAwait(false);
        }

        while (true)
        {
            var rows = await context.Admin.ClusterRtAsync(amount, size, parse.GetValue(_cluster)?.Trim(), cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                await WriteJsonAsync(rows).ConfigureAwait(false);
            }
            else
            {
                foreach (var row in rows)
                {
                    await PrintfAsync("%-24s  %-24s  %-8s  %-16s  %-16s%n", row.Cluster, row.BrokerName, JavaFormat.Format("%.2f", row.AverageRtMillis), row.SuccessCount, row.FailCount).ConfigureAwait(false);
                }
            }

            if (interval <= 0)
            {
                return rows.Any(r => r.SuccessCount == 0) ? ExitCodes.ServerError : ExitCodes.Success;
            }

            await Task.Delay(TimeSpan.FromSeconds(interval), cancellationToken).ConfigureAwait(false);
        }
    }
}
