using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>topicClusterList -t T</c>: the clusters that serve a topic, one per line.</summary>
internal sealed class TopicClusterListCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;

    public TopicClusterListCommand(CliConsole console)
        : base(console, "topicClusterList", "get cluster info for topic")
    {
        _topic = Value("t", "topic", "topic name", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var clusters = await context.Admin.TopicClusterListAsync(RequiredText(parse, _topic), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new { clusters }).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var cluster in clusters)
        {
            await PrintfAsync("%s%n", cluster).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
