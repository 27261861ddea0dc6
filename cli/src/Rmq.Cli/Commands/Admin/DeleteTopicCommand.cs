using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>deleteTopic -t T -c CLUSTER</c>: from every master of the cluster, then from every name server.</summary>
internal sealed class DeleteTopicCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;
    private readonly Option<string?> _clusterName;

    public DeleteTopicCommand(CliConsole console)
        : base(console, "deleteTopic", "Delete topic from broker and NameServer.")
    {
        _topic = Value("t", "topic", "topic name", required: true);
        _clusterName = Value("c", "clusterName", "delete topic from which cluster", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var topic = RequiredText(parse, _topic);
        var cluster = RequiredText(parse, _clusterName);
        var result = await context.Admin.DeleteTopicAsync(topic, cluster, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new { topic, cluster, brokers = result.Brokers.Select(FleetResults.ToJson), nameServers = result.NameServers.Select(FleetResults.ToJson) }).ConfigureAwait(false);
        }
        else
        {
            if (result.Brokers.All(b => b.Succeeded))
            {
                await PrintfAsync("delete topic [%s] from cluster [%s] success.%n", topic, cluster).ConfigureAwait(false);
            }

            if (result.NameServers.All(n => n.Succeeded))
            {
                await PrintfAsync("delete topic [%s] from NameServer success.%n", topic).ConfigureAwait(false);
            }
        }

        var exit = await FleetResults.ExitCodeAsync(result.Brokers, Console.Error, context.Json).ConfigureAwait(false);
        var nameServerExit = await FleetResults.ExitCodeAsync(result.NameServers, Console.Error, context.Json).ConfigureAwait(false);
        return exit != ExitCodes.Success ? exit : nameServerExit;
    }
}
