using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>resetOffsetByTime -g GROUP -t T -s now|MILLIS|yyyy-MM-dd#HH:mm:ss:SSS [-f true]</c>.</summary>
internal sealed class ResetOffsetByTimeCommand : AdminLeafCommand
{
    private readonly Option<string?> _group;
    private readonly Option<string?> _topic;
    private readonly Option<string?> _timestamp;
    private readonly Option<string?> _force;

    public ResetOffsetByTimeCommand(CliConsole console)
        : base(console, "resetOffsetByTime", "Reset consumer offset by timestamp(without client restart).")
    {
        _group = Value("g", "group", "set the consumer group", required: true);
        _topic = Value("t", "topic", "set the topic", required: true);
        _timestamp = Value("s", "timestamp", "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]", required: true);
        _force = Value("f", "force", "set the force rollback by timestamp switch[true|false]");
        Flag("c", "cplus", "reset c++ client offset (ignored by rmq admin)");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var group = RequiredText(parse, _group).Trim();
        var topic = RequiredText(parse, _topic).Trim();
        var text = RequiredText(parse, _timestamp).Trim();
        var timestamp = text == "now" ? -1 : ParseTimestamp(text, _timestamp.Name);
        var force = BoolValue(parse, _force, true);
        var rows = await context.Admin.ResetOffsetByTimeAsync(group, topic, timestamp, force, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new { group, topic, force, timestamp, rows }).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("rollback consumer offset by specified group[%s], topic[%s], force[%s], timestamp(string)[%s], timestamp(long)[%s]%n", group, topic, force, text, timestamp).ConfigureAwait(false);
        await PrintfAsync("%-40s  %-40s  %-40s%n", "#brokerName", "#queueId", "#offset").ConfigureAwait(false);
        foreach (var row in rows)
        {
            await PrintfAsync("%-40s  %-40d  %-40d%n", row.BrokerName, row.QueueId, row.NewOffset).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
