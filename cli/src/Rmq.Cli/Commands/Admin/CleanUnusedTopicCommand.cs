using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>cleanUnusedTopic [-b ADDR] [-c CLUSTER]</c>: CLEAN_UNUSED_TOPIC; prints <c>success</c> or <c>false</c> without a newline, as mqadmin.</summary>
internal sealed class CleanUnusedTopicCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _cluster;

    public CleanUnusedTopicCommand(CliConsole console)
        : base(console, "cleanUnusedTopic", "Clean unused topic on broker.")
    {
        _brokerAddr = Value("b", "brokerAddr", "Broker address");
        _cluster = Value("c", "cluster", "cluster name");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var results = await context.Admin.CleanUnusedTopicAsync(parse.GetValue(_brokerAddr)?.Trim(), parse.GetValue(_cluster)?.Trim(), cancellationToken).ConfigureAwait(false);
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
