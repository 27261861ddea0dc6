using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// <c>cloneGroupOffset -s SRC -d DEST -t TOPIC [-o OFFLINE]</c>: the source group's committed offsets of a topic become
/// the destination group's (GET_CONSUME_STATS, then UPDATE_CONSUMER_OFFSET per queue, as mqadmin does).
/// </summary>
internal sealed class CloneGroupOffsetCommand : AdminLeafCommand
{
    private readonly Option<string?> _srcGroup;
    private readonly Option<string?> _destGroup;
    private readonly Option<string?> _topic;

    public CloneGroupOffsetCommand(CliConsole console)
        : base(console, "cloneGroupOffset", "clone offset from other group.")
    {
        _srcGroup = Value("s", "srcGroup", "set source consumer group", required: true);
        _destGroup = Value("d", "destGroup", "set destination consumer group", required: true);
        _topic = Value("t", "topic", "set the topic", required: true);
        Value("o", "offline", "the group or the topic is offline");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var src = RequiredText(parse, _srcGroup).Trim();
        var dest = RequiredText(parse, _destGroup).Trim();
        var topic = RequiredText(parse, _topic).Trim();
        var copied = await context.Admin.CloneGroupOffsetAsync(src, dest, topic, cancellationToken).ConfigureAwait(false);
        await (context.Json
            ? WriteJsonAsync(new { srcGroup = src, destGroup = dest, topic, queues = copied })
            : PrintfAsync("clone group offset success. srcGroup[%s], destGroup=[%s], topic[%s]", src, dest, topic)).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
