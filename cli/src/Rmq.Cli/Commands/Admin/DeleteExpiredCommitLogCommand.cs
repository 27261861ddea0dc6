using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>deleteExpiredCommitLog [-b ADDR] [-c CLUSTER]</c>: DELETE_EXPIRED_COMMITLOG; prints <c>success</c> or <c>false</c> without a newline, as mqadmin.</summary>
internal sealed class DeleteExpiredCommitLogCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _cluster;

    public DeleteExpiredCommitLogCommand(CliConsole console)
        : base(console, "deleteExpiredCommitLog", "Delete expired CommitLog files")
    {
        _brokerAddr = Value("b", "brokerAddr", "Broker address");
        _cluster = Value("c", "cluster", "clustername");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var results = await context.Admin.DeleteExpiredCommitLogAsync(parse.GetValue(_brokerAddr), parse.GetValue(_cluster), cancellationToken).ConfigureAwait(false);
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
