using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>queryMsgById -i OFFSET_MSG_ID[,ID...]</c>: VIEW_MESSAGE_BY_ID at the broker the id encodes.</summary>
internal sealed class QueryMsgByIdCommand : AdminLeafCommand
{
    private readonly Option<string?> _msgId;

    public QueryMsgByIdCommand(CliConsole console)
        : base(console, "queryMsgById", "Query Message by Id")
    {
        _msgId = Value("i", "msgId", "Message Id", required: true);
        Value("g", "consumerGroup", "consumer group name (not supported by rmq admin: CONSUME_MESSAGE_DIRECTLY)");
        Value("d", "clientId", "The consumer's client id (not supported by rmq admin)");
        Value("s", "sendMessage", "resend message (not supported by rmq admin)");
        Value("u", "unitName", "unit name");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var ids = RequiredText(parse, _msgId).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = new List<MessageJson>();
        foreach (var id in ids)
        {
            var message = await context.Admin.QueryMessageByIdAsync(id, cancellationToken).ConfigureAwait(false);
            var path = MessageView.WriteBodyFile(message, message.MsgId);
            if (context.Json)
            {
                found.Add(MessageView.ToJson(message, path));
            }
            else
            {
                await Out.WriteAsync(MessageView.Detail(message, "OffsetID:", message.OffsetMsgId, path)).ConfigureAwait(false);
            }
        }

        if (context.Json)
        {
            await WriteJsonAsync(found).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
