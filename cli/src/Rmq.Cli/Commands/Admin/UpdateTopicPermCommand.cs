using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>updateTopicPerm -t T -p 2|4|6 (-b ADDR | -c CLUSTER)</c>: re-creates the topic with the new perm on its masters.</summary>
internal sealed class UpdateTopicPermCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _clusterName;
    private readonly Option<string?> _topic;
    private readonly Option<string?> _perm;

    public UpdateTopicPermCommand(CliConsole console)
        : base(console, "updateTopicPerm", "Update topic perm")
    {
        _brokerAddr = Value("b", "brokerAddr", "create topic to which broker");
        _clusterName = Value("c", "clusterName", "create topic to which cluster");
        _topic = Value("t", "topic", "topic name", required: true);
        _perm = Value("p", "perm", "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]", required: true);
        RequireOneOf(_brokerAddr, _clusterName);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var perm = IntValue(parse, _perm, 6);
        if (perm is not (2 or 4 or 6))
        {
            throw new AdminArgumentException($"-p,--perm must be 2, 4 or 6, not {perm}");
        }

        var changes = await context.Admin.UpdateTopicPermAsync(RequiredText(parse, _topic), perm, parse.GetValue(_brokerAddr), parse.GetValue(_clusterName), cancellationToken).ConfigureAwait(false);
        if (changes.Count == 0)
        {
            throw new Rmq.Client.MQClientException(Rmq.Remoting.Protocol.ResponseCode.TopicNotExist, "topic not exist in the given broker or cluster", null);
        }

        if (context.Json)
        {
            await WriteJsonAsync(changes).ConfigureAwait(false);
        }
        else
        {
            foreach (var change in changes)
            {
                await (change.Unchanged
                    ? PrintfAsync("new perm equals to the old one!%n")
                    : change.Succeeded
                        ? PrintfAsync("update topic perm from %s to %s in %s success.%n", change.OldPerm, change.NewPerm, change.Address)
                        : Console.Error.WriteLineAsync($"update topic perm in {change.Address} failed: {change.Error}")).ConfigureAwait(false);
            }
        }

        var failed = changes.FirstOrDefault(c => !c.Succeeded);
        return failed is null ? ExitCodes.Success : failed.Code is { } code ? AdminErrors.ExitCodeOf(code) : ExitCodes.Unreachable;
    }
}
