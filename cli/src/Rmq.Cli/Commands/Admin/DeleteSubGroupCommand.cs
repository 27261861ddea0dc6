using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>deleteSubGroup -b ADDR | -c CLUSTER -g GROUP [-r true]</c>: DELETE_SUBSCRIPTIONGROUP on the masters.</summary>
internal sealed class DeleteSubGroupCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _clusterName;
    private readonly Option<string?> _group;
    private readonly Option<string?> _removeOffset;

    public DeleteSubGroupCommand(CliConsole console)
        : base(console, "deleteSubGroup", "Delete subscription group from broker.")
    {
        _brokerAddr = Value("b", "brokerAddr", "delete subscription group from which broker");
        _clusterName = Value("c", "clusterName", "delete subscription group from which cluster");
        _group = Value("g", "groupName", "subscription group name", required: true);
        _removeOffset = Value("r", "removeOffset", "remove offset");
        RequireOneOf(_brokerAddr, _clusterName);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var group = RequiredText(parse, _group).Trim();
        var cluster = parse.GetValue(_clusterName);
        var results = await context.Admin.DeleteSubscriptionGroupAsync(group, cluster, parse.GetValue(_brokerAddr), BoolValue(parse, _removeOffset, false), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(results.Select(FleetResults.ToJson)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results.Where(r => r.Succeeded))
            {
                await (cluster is null
                    ? PrintfAsync("delete subscription group [%s] from broker [%s] success.%n", group, result.Address)
                    : PrintfAsync("delete subscription group [%s] from broker [%s] in cluster [%s] success.%n", group, result.Address, cluster)).ConfigureAwait(false);
            }
        }

        return await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
    }
}
