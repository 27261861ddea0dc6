using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>queryMsgByKey -t T -k KEY</c>: QUERY_MESSAGE by key on every broker of the topic.</summary>
internal sealed class QueryMsgByKeyCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;
    private readonly Option<string?> _key;

    public QueryMsgByKeyCommand(CliConsole console)
        : base(console, "queryMsgByKey", "Query Message by Key")
    {
        _topic = Value("t", "topic", "topic name", required: true);
        _key = Value("k", "msgKey", "Message Key", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var messages = await context.Admin.QueryMessageByKeyAsync(RequiredText(parse, _topic), RequiredText(parse, _key), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(messages.Select(m => MessageView.ToJson(m))).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("%-50s %4s %40s%n", "#Message ID", "#QID", "#Offset").ConfigureAwait(false);
        foreach (var message in messages)
        {
            await PrintfAsync("%-50s %4d %40d%n", message.MsgId, message.QueueId, message.QueueOffset).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
