using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>cleanExpiredCQ [-b ADDR] [-c CLUSTER]</c>: CLEAN_EXPIRED_CONSUMEQUEUE; prints <c>success</c> or <c>false</c> without a newline, as mqadmin.</summary>
internal sealed class CleanExpiredCQCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _cluster;

    public CleanExpiredCQCommand(CliConsole console)
        : base(console, "cleanExpiredCQ", "Clean expired ConsumeQueue on broker.")
    {
        _brokerAddr = Value("b", "brokerAddr", "Broker address");
        _cluster = Value("c", "cluster", "clustername");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var results = await context.Admin.CleanExpiredConsumeQueueAsync(parse.GetValue(_brokerAddr), parse.GetValue(_cluster), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(results.Select(FleetResults.ToJson)).ConfigureAwait(false);
        }
        else
        {
            await Out.WriteAsync(results.Count > 0 && results.All(r => r.Succeeded) ? "success" : "false").ConfigureAwait(false);
        }

        return await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
    }
}
