using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>topicStatus -t T</c>: min/max offset and last update of every queue.</summary>
internal sealed class TopicStatusCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;

    public TopicStatusCommand(CliConsole console)
        : base(console, "topicStatus", "Examine topic Status info")
    {
        _topic = Value("t", "topic", "topic name", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var rows = await context.Admin.TopicStatusAsync(RequiredText(parse, _topic), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(rows).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("%-32s  %-4s  %-20s  %-20s    %s%n", "#Broker Name", "#QID", "#Min Offset", "#Max Offset", "#Last Updated").ConfigureAwait(false);
        foreach (var row in rows)
        {
            await PrintfAsync("%-32s  %-4d  %-20d  %-20d    %s%n", row.BrokerName, row.QueueId, row.MinOffset, row.MaxOffset, row.LastUpdateTimestamp > 0 ? JavaFormat.HumanTime(row.LastUpdateTimestamp) : string.Empty).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
