using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>topicList [-c]</c>: every topic, or with <c>-c</c> its cluster and consumer groups.</summary>
internal sealed class TopicListCommand : AdminLeafCommand
{
    private readonly Option<bool> _clusterModel;

    public TopicListCommand(CliConsole console)
        : base(console, "topicList", "Fetch all topic list from name server")
    {
        _clusterModel = Flag("c", "clusterModel", "clusterModel");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        if (!parse.GetValue(_clusterModel))
        {
            var topics = await context.Admin.TopicListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                await WriteJsonAsync(new { topics }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var topic in topics)
            {
                await PrintfAsync("%s%n", topic).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var rows = await context.Admin.TopicListWithConsumersAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(rows).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("%-20s  %-48s  %-48s%n", "#Cluster Name", "#Topic", "#Consumer Group").ConfigureAwait(false);
        foreach (var row in rows)
        {
            await PrintfAsync("%-20s  %-64s  %-64s%n", row.Cluster, row.Topic, row.ConsumerGroup).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
